/**
 * Prevention: awareness campaigns and their activities, teacher and student training, students in
 * special circumstances followed by their school, school–family–authority coordination; coverage by
 * commune and the plan's indicator values proposed through planning's {@code IndicatorSource}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organisation", "audit", "planning", "people", "intake", "matching"})
package vn.childguard.prevention;

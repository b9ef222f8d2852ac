/**
 * Planning: plans imported as data (Plan 113/KH-UBND ships first) with their legal bases, tasks,
 * lead and coordinating agencies, indicators and reporting schedule; agencies' periodic progress
 * reports (draft → submitted → returned/accepted, versioned corrections); the four statuses
 * officials use; the coordinator's matrix; reminders and urging.
 * <p>
 * Uses {@code organisation} for agencies (by code, following successors after a reorganisation)
 * and {@code audit} for the access log. Publishes {@link vn.childguard.planning.ReminderSent} when a
 * reminder is recorded (by the daily reminder job or a coordinator's urging) and listens to it itself
 * to e-mail the recipient agency's reporters after the commit.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organisation", "audit"})
package vn.childguard.planning;

package vn.childguard.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Keeps a form on screen when a field could not be converted ("abc" for a number, 30 February for a
 * date). Spring binds record forms through their constructor, and when one argument fails the whole
 * form is null, so the page that should show the error would fail to render. This rebuilds the form
 * from what was typed, with the unconvertible fields empty, and keeps the binding errors, so the page
 * shows every field as the user left it (the failed ones through their rejected values) with the
 * message next to the bad one.
 */
class TypedFormRecovery implements HandlerInterceptor {

    private final DefaultFormattingConversionService conversion = new DefaultFormattingConversionService();

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (view == null || !(handler instanceof HandlerMethod method)) {
            return;
        }
        for (MethodParameter parameter : method.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            ModelAttribute attribute = parameter.getParameterAnnotation(ModelAttribute.class);
            if (attribute == null || !type.isRecord() || attribute.name().isEmpty()) {
                continue;
            }
            String name = attribute.name();
            if (view.getModel().get(BindingResult.MODEL_KEY_PREFIX + name) instanceof BindingResult result
                    && result.getTarget() == null) {
                Object form = rebuild(type, request);
                BindingResult recovered = new BeanPropertyBindingResult(form, name);
                result.getAllErrors().forEach(recovered::addError);
                view.addObject(name, form);
                view.addObject(BindingResult.MODEL_KEY_PREFIX + name, recovered);
            }
        }
    }

    private Object rebuild(Class<?> type, HttpServletRequest request) {
        RecordComponent[] components = type.getRecordComponents();
        Constructor<?> constructor = BeanUtils.getResolvableConstructor(type);
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String[] typed = request.getParameterValues(components[i].getName());
            TypeDescriptor target = new TypeDescriptor(new MethodParameter(constructor, i));
            arguments[i] = convert(typed, target);
        }
        return BeanUtils.instantiateClass(constructor, arguments);
    }

    /** The typed value converted to the component's type, or empty where it cannot be (the error says why). */
    private Object convert(String[] typed, TypeDescriptor target) {
        Object empty = !target.getType().isPrimitive() ? null
                : conversion.convert(target.getType() == boolean.class ? "false" : "0", target.getType());
        if (typed == null || typed.length == 0) {
            return empty;
        }
        Object source = typed.length == 1 ? typed[0] : typed;
        try {
            return conversion.convert(source, TypeDescriptor.forObject(source), target);
        } catch (ConversionException unconvertible) {
            return empty;
        }
    }
}

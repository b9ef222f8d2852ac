package vn.childguard.organisation.web;

import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.OrganisationDirectory;

/**
 * Lets any controller take a {@link CurrentUser} parameter, and gives every page the
 * {@code currentUser} model attribute the layout needs for its header and navigation.
 */
@Configuration(proxyBeanMethods = false)
@ControllerAdvice
class CurrentUserSupport implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    private final OrganisationDirectory directory;

    CurrentUserSupport(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return directory.currentUser().orElse(null);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(CurrentUser.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        return directory.currentUser().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }
}

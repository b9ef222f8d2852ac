package vn.childguard.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/** Every page and API endpoint the application maps, read from Spring's handler mappings, so a new one appears by itself. */
final class MappedEndpoints {

    /** {@code filePart}: the name of the handler's file parameter, or null. */
    record Endpoint(String method, String pattern, boolean multipart, String filePart, HandlerMethod handler) {
        boolean api() {
            return pattern.startsWith("/api/");
        }
    }

    private MappedEndpoints() {
    }

    static List<Endpoint> all(ApplicationContext context) {
        var found = new TreeSet<String>();
        List<Endpoint> list = new ArrayList<>();
        for (var mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (var entry : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                String filePart = filePart(entry.getValue());
                var methods = info.getMethodsCondition().getMethods();
                List<String> names = methods.isEmpty() ? List.of("GET", "POST")
                        : methods.stream().map(RequestMethod::name).filter(m -> !m.equals("HEAD") && !m.equals("OPTIONS"))
                        .toList();
                boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().stream()
                        .anyMatch(MediaType.MULTIPART_FORM_DATA::includes);
                for (String pattern : info.getPatternValues()) {
                    for (String method : names) {
                        if (found.add(method + " " + pattern)) {
                            list.add(new Endpoint(method, pattern, multipart || filePart != null, filePart,
                                    entry.getValue()));
                        }
                    }
                }
            }
        }
        list.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return list;
    }

    /** The name under which the handler takes an uploaded file. */
    static String filePart(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                var param = parameter.getParameterAnnotation(RequestParam.class);
                var part = parameter.getParameterAnnotation(RequestPart.class);
                String name = param != null ? param.name() : part != null ? part.name() : "";
                if (name.isEmpty()) {
                    name = param != null ? param.value() : part != null ? part.value() : "";
                }
                return name.isEmpty() ? parameter.getParameterName() : name;
            }
        }
        return null;
    }
}

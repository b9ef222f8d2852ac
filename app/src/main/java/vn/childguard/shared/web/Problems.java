package vn.childguard.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Writes RFC 9457 problem+json bodies from filters (401/403 before any controller runs), with the
 * title in the caller's language. Controllers use {@link ApiErrorHandler} instead.
 */
@Component
public class Problems {

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detailKey)
            throws IOException {
        Locale locale = locale(request);
        String title = messages.getMessage("problem." + status.value() + ".title", null, status.getReasonPhrase(),
                locale);
        String detail = messages.getMessage(detailKey, null, detailKey, locale);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status.value()
                + ",\"detail\":" + json(detail) + ",\"instance\":" + json(request.getRequestURI()) + "}");
    }

    private static Locale locale(HttpServletRequest request) {
        try {
            return RequestContextUtils.getLocale(request);
        } catch (IllegalStateException e) {
            return request.getLocale();
        }
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

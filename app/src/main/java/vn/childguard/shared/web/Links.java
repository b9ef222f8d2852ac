package vn.childguard.shared.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Builds links to the current page with one query parameter changed, for pagers and sort headers. */
@Component("links")
public class Links {

    public String page(int page) {
        return current().replaceQueryParam("page", Math.max(page, 0)).build().toUriString();
    }

    public String sort(String property, String direction) {
        return current().replaceQueryParam("sort", property + "," + direction).replaceQueryParam("page", 0)
                .build().toUriString();
    }

    private static org.springframework.web.util.UriComponentsBuilder current() {
        var builder = ServletUriComponentsBuilder.fromCurrentRequest();
        return builder.scheme(null).host(null).port(null);
    }
}

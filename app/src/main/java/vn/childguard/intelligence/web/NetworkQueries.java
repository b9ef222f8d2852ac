package vn.childguard.intelligence.web;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.childguard.intelligence.internal.IntelligenceService;
import vn.childguard.organisation.CurrentUser;

/** The network queries as the page's script and the API ask them: parameters checked one way, then answered. */
final class NetworkQueries {

    private NetworkQueries() {
    }

    static IntelligenceService.NetworkView expand(IntelligenceService intelligence, CurrentUser user, String entity,
                                                  String steps, String types, String dateFrom, String dateTo) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long id = Params.number(entity, "entity", errors);
        Long n = Params.number(steps, "steps", errors);
        if (id == null) {
            errors.putIfAbsent("entity", "intelligence.error.required");
        }
        var filter = Params.filter(types, dateFrom, dateTo, errors);
        Params.check(errors);
        return intelligence.expand(user, id, n == null ? 1 : n.intValue(), filter);
    }

    static IntelligenceService.NetworkView path(IntelligenceService intelligence, CurrentUser user, String from,
                                                String to, String types, String dateFrom, String dateTo) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long a = Params.number(from, "from", errors);
        Long b = Params.number(to, "to", errors);
        if (a == null) {
            errors.putIfAbsent("from", "intelligence.error.required");
        }
        if (b == null) {
            errors.putIfAbsent("to", "intelligence.error.required");
        }
        var filter = Params.filter(types, dateFrom, dateTo, errors);
        Params.check(errors);
        return intelligence.path(user, a, b, filter);
    }
}

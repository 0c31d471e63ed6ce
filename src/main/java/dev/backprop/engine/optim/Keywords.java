package dev.backprop.engine.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The keyword arguments of a request, refused as Python refuses an unexpected keyword argument. */
final class Keywords {
    private Keywords() {}

    /** Fails naming every field of {@code given} (in its order) that is set but not one {@code type} takes. */
    static void takesOnly(String type, Map<String, Object> given, Set<String> taken) {
        List<String> unexpected = new ArrayList<>();
        given.forEach((name, value) -> {
            if (value != null && !taken.contains(name)) unexpected.add(name);
        });
        if (!unexpected.isEmpty()) {
            throw Optimizer.invalid(type + " does not take '" + String.join("', '", unexpected) + "'");
        }
    }
}

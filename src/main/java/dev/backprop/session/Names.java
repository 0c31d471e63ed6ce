package dev.backprop.session;

import dev.backprop.engine.Tensor;
import java.util.regex.Pattern;

/**
 * Tensor names as Python variables: {@code w}, {@code lr_net.0.weight}; a name whose last segment is
 * {@code grad} refers to a gradient ({@code w.grad} is {@code w.grad}).
 */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*");
    private static final String GRAD = ".grad";

    private Names() {}

    public static void check(String name, int maxLength, String what) {
        if (name == null || name.length() > maxLength || !NAME.matcher(name).matches()) {
            throw ApiException.badRequest(what + " '" + truncate(name) + "' is not a valid name: names match "
                    + "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)* and have at most " + maxLength + " characters");
        }
    }

    public static boolean isGradReference(String name) {
        return name.endsWith(GRAD) && name.length() > GRAD.length();
    }

    public static String gradOwner(String name) {
        return name.substring(0, name.length() - GRAD.length());
    }

    /** The tensor a name refers to: a bound tensor, or the {@code .grad} of one (which must exist). */
    public static Tensor resolve(Session s, String name) {
        Tensor t = s.tensors.get(name);
        if (t != null) {
            return t;
        }
        if (isGradReference(name)) {
            Tensor owner = s.tensors.get(gradOwner(name));
            if (owner != null) {
                if (owner.grad() == null) {
                    throw new ApiException(422, "grad-is-none", "'" + name + "' is None: the tensor has no gradient yet");
                }
                return owner.grad();
            }
        }
        throw ApiException.notFound("tensor", truncate(name));
    }

    /**
     * Binds {@code t} to {@code name}, as Python assignment does; a {@code x.grad} name not otherwise bound
     * assigns {@code x.grad} (recorded in {@code tx} first).
     */
    static void bind(Session s, String name, Tensor t, Transaction tx) {
        if (isGradReference(name) && !s.tensors.containsKey(name)) {
            Tensor owner = s.tensors.get(gradOwner(name));
            if (owner == null) throw ApiException.notFound("tensor", gradOwner(name));
            tx.beforeChange(owner);
            owner.setGrad(t);
        } else {
            s.tensors.put(name, t);
        }
    }

    /** The name a tensor is bound to in the session (for views of results), or null. */
    public static String nameOf(Session s, Tensor t) {
        for (var e : s.tensors.entrySet()) {
            if (e.getValue() == t) return e.getKey();
        }
        return null;
    }

    private static String truncate(String name) {
        if (name == null) return "null";
        return name.length() > 64 ? name.substring(0, 64) + "…" : name;
    }
}

package dev.backprop.web;

import org.springframework.test.context.DynamicPropertyRegistry;

/** API keys for tests, configured by their SHA-256 as a deployment would be. */
final class Keys {
    static final String ALICE = "bp_alice-key-for-tests-0000000000000000000";
    static final String BOB = "bp_bob-key-for-tests-00000000000000000000000";
    static final String ROOT = "bp_admin-key-for-tests-000000000000000000000";
    static final String REVOKED = "bp_revoked-key-for-tests-0000000000000000000";

    private Keys() {}

    /** api-keys mode with tenants alice and bob, an admin, and a revoked key of carol's. */
    static void configure(DynamicPropertyRegistry registry) {
        registry.add("backprop.auth.mode", () -> "api-keys");
        key(registry, 0, "alice", "user", ALICE, false);
        key(registry, 1, "bob", "user", BOB, false);
        key(registry, 2, "ops", "admin", ROOT, false);
        key(registry, 3, "carol", "user", REVOKED, true);
    }

    private static void key(DynamicPropertyRegistry registry, int i, String tenant, String role, String key, boolean revoked) {
        String at = "backprop.auth.api-keys[" + i + "].";
        registry.add(at + "tenant", () -> tenant);
        registry.add(at + "role", () -> role);
        registry.add(at + "sha256", () -> ApiKeys.sha256Hex(key));
        registry.add(at + "revoked", () -> revoked);
    }
}

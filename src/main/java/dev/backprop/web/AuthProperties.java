package dev.backprop.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the API, under {@code backprop.auth}.
 *
 * @param mode    {@code none} (one local tenant, loopback only), {@code api-keys} or {@code jwt}
 * @param apiKeys the keys of {@code api-keys} mode, each stored as the SHA-256 of the key
 * @param jwt     the claims of {@code jwt} mode; the token's issuer or key set is Spring's
 *                {@code spring.security.oauth2.resourceserver.jwt.*}
 */
@ConfigurationProperties(prefix = "backprop.auth", ignoreUnknownFields = false)
public record AuthProperties(@DefaultValue("none") Mode mode, @DefaultValue List<ApiKey> apiKeys, @DefaultValue Jwt jwt) {
    static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public enum Mode { NONE, API_KEYS, JWT }

    public enum Role { USER, ADMIN }

    /**
     * One API key.
     *
     * @param tenant  the tenant the key acts for
     * @param role    {@code user} or {@code admin} (an admin may also list and cancel every tenant's jobs)
     * @param sha256  the lowercase hex SHA-256 of the key
     * @param revoked a revoked key is refused (and the refusal audited) while its entry stays for the record
     */
    public record ApiKey(String tenant, @DefaultValue("user") Role role, String sha256, boolean revoked) {}

    /**
     * @param tenantClaim the claim that names the caller's tenant
     * @param roleClaim   the claim that holds {@code admin} (a string, or a list containing it) for an admin
     */
    public record Jwt(@DefaultValue("tenant") String tenantClaim, @DefaultValue("role") String roleClaim) {}

    public AuthProperties {
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < apiKeys.size(); i++) {
            ApiKey k = apiKeys.get(i);
            String at = "backprop.auth.api-keys[" + i + "]";
            if (k.tenant() == null || !TENANT.matcher(k.tenant()).matches()) {
                throw new IllegalArgumentException(at + ".tenant must be 1 to 64 letters, digits, '.', '_' or '-', got " + k.tenant());
            }
            if (k.sha256() == null || !SHA256.matcher(k.sha256()).matches()) {
                throw new IllegalArgumentException(at + ".sha256 must be the 64 lowercase hex digits of the key's SHA-256");
            }
            if (!hashes.add(k.sha256())) {
                throw new IllegalArgumentException(at + ".sha256 repeats an earlier key's hash");
            }
        }
        if (mode == Mode.API_KEYS && apiKeys.stream().allMatch(ApiKey::revoked)) {
            throw new IllegalArgumentException("backprop.auth.mode=api-keys needs a key: set backprop.auth.api-keys[0].tenant, .role "
                    + "and .sha256 (the lowercase hex SHA-256 of the key; `java -jar backprop.jar --mint-api-key` makes one)");
        }
    }
}

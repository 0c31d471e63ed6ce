package dev.backprop.web;

/** {@code java -jar backprop.jar --mint-api-key}: a new key, and the hash that the service is configured with. */
public final class KeyMint {
    private KeyMint() {}

    public static String instructions() {
        String key = ApiKeys.mint();
        return """
                API key (give it to the client; it is not stored anywhere):
                  %s
                Configure the service with its SHA-256 (replace N, TENANT and ROLE = user or admin):
                  BACKPROP_AUTH_APIKEYS_N_SHA256=%s
                  BACKPROP_AUTH_APIKEYS_N_TENANT=TENANT
                  BACKPROP_AUTH_APIKEYS_N_ROLE=ROLE
                """.formatted(key, ApiKeys.sha256Hex(key));
    }
}

package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** JWT mode: tokens that this test signs with its own RSA key, verified against the public half. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtAuthenticationTest extends ApiTest {
    private static final KeyPair ISSUER = rsa();
    private static final KeyPair IMPOSTOR = rsa();

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) throws IOException {
        Path pem = Files.createTempFile("backprop-jwt", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ISSUER.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("backprop.auth.mode", () -> "jwt");
        registry.add("backprop.auth.jwt.tenant-claim", () -> "org");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> pem.toUri().toString());
    }

    @Test
    void aTokenSignedByTheIssuerActsForItsTenant() {
        Api acme = new Api(port, token(ISSUER, claims("acme", null, Duration.ofMinutes(5))));
        String sid = acme.session().id();
        assertThat(acme.get("/sessions").expect(200).body()).contains(sid);
        Api other = new Api(port, token(ISSUER, claims("globex", null, Duration.ofMinutes(5))));
        other.get("/sessions/" + sid).problem(404, "session-not-found");
    }

    @Test
    void anExpiredTokenIs401() {
        Api late = new Api(port, token(ISSUER, claims("acme", null, Duration.ofMinutes(-10))));
        Api.Response r = late.get("/sessions");
        assertThat(r.problem(401, "invalid-credentials").get("detail").stringValue()).startsWith("Jwt expired at ");
        assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer realm=\"backprop\", error=\"invalid_token\", error_description=\"Jwt expired at ");
    }

    @Test
    void aTokenWithABadSignatureIs401() {
        Api forged = new Api(port, token(IMPOSTOR, claims("acme", null, Duration.ofMinutes(5))));
        assertThat(forged.get("/sessions").problem(401, "invalid-credentials").get("detail").stringValue())
                .contains("Invalid signature");
        String valid = token(ISSUER, claims("acme", null, Duration.ofMinutes(5)));
        String tampered = valid.substring(0, valid.lastIndexOf('.')) + "." + "A".repeat(342);
        new Api(port, tampered).get("/sessions").problem(401, "invalid-credentials");
        new Api(port, "not.a.jwt").get("/sessions").problem(401, "invalid-credentials");
    }

    @Test
    void aTokenWithoutATenantOrWithAnUnknownRoleIs401() {
        Api anonymous = new Api(port, token(ISSUER, new JWTClaimsSet.Builder().subject("x")
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build()));
        assertThat(anonymous.get("/sessions").problem(401, "invalid-credentials").get("detail").stringValue())
                .isEqualTo("the token has no 'org' claim naming a tenant (1 to 64 letters, digits, '.', '_' or '-')");
        Api spaced = new Api(port, token(ISSUER, claims("two words", null, Duration.ofMinutes(5))));
        spaced.get("/sessions").problem(401, "invalid-credentials");
        Api root = new Api(port, token(ISSUER, claims("acme", "root", Duration.ofMinutes(5))));
        assertThat(root.get("/sessions").problem(401, "invalid-credentials").get("detail").stringValue())
                .isEqualTo("the token's 'role' claim is neither 'user' nor 'admin'");
        new Api(port).get("/sessions").problem(401, "unauthenticated");
    }

    @Test
    void anAdminTokenSeesEveryTenantsJobs() {
        Api acme = new Api(port, token(ISSUER, claims("acme", null, Duration.ofMinutes(5))));
        String job = acme.post("/jobs", """
                {"maxIterations": 1, "data": {"synthetic": {"samplesPerClass": 5, "meanValue": 1.7, "bias": 1.0, "features": 2}}}""")
                .expect(202).json().get("id").stringValue();
        Api admin = new Api(port, token(ISSUER, claims("ops", List.of("user", "admin"), Duration.ofMinutes(5))));
        assertThat(admin.get("/jobs/" + job).expect(200).json().get("id").stringValue()).isEqualTo(job);
        new Api(port, token(ISSUER, claims("globex", "user", Duration.ofMinutes(5)))).get("/jobs/" + job).problem(404, "job-not-found");
    }

    private static JWTClaimsSet claims(String org, Object role, Duration validFor) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().subject("user@" + org).claim("org", org)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(20)))).expirationTime(Date.from(now.plus(validFor)));
        return role == null ? b.build() : b.claim("role", role).build();
    }

    private static String token(KeyPair key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

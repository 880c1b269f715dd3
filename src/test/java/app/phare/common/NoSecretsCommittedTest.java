package app.phare.common;

import app.phare.common.SecretScanner.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing secret is committed under src/main/resources (it ships inside the application): production values come
 * from environment variables. Test-profile values ({@code %test.}) count too: they ship in the jar all the same.
 * The samples below are assembled from pieces so that this file does not itself look like it holds secrets.
 */
class NoSecretsCommittedTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");

    private final SecretScanner scanner = new SecretScanner();

    @Test
    void mainResourcesHoldNoSecretLookingValue() throws IOException {
        assertThat(RESOURCES).isDirectory();
        assertThat(scanner.scanTree(RESOURCES)).extracting(Finding::toString)
                .as("secret-looking values under %s (move them to environment variables)", RESOURCES)
                .isEmpty();
    }

    @Test
    void catchesPrivateKeyBlocks() {
        for (String header : new String[] {"RSA PRIVATE", "EC PRIVATE", "OPENSSH PRIVATE", "ENCRYPTED PRIVATE", "PRIVATE"}) {
            assertThat(scanner.scan("key.pem", "x\n-----BEGIN " + header + " KEY-----\nMIIE\n"))
                    .containsExactly(new Finding("key.pem", 2, "private key block"));
        }
        assertThat(scanner.scan("cert.pem", "-----BEGIN " + "CERTIFICATE-----")).isEmpty();
    }

    @Test
    void catchesCloudKeysPhareTokensAndJwts() {
        assertThat(scanner.scan("notes.txt", "aws=" + "AKIA" + "IOSFODNN7EXAMPLE")).extracting(Finding::reason)
                .containsExactly("AWS access key id");
        assertThat(scanner.scan("app.js", "const t = '" + "phr_" + "x4Gm0Qk9_Ld-7sVbN2cYpR3uTw8ZaEh1'"))
                .extracting(Finding::reason).contains("Phare API token");
        String jwt = "eyJ" + "hbGciOiJIUzI1NiJ9." + "eyJ" + "zdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        assertThat(scanner.scan("V9__seed.sql", "INSERT INTO t VALUES ('" + jwt + "');")).extracting(Finding::reason)
                .containsExactly("JWT");
    }

    @Test
    void leavesTheTokenPrefixAloneWhenNoTokenFollows() {
        assertThat(scanner.scan("notes.txt", "tokens start with phr_ and are shown once")).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "application.properties | quarkus.datasource.password=hunter2",
            "application.properties | %test.phare.admin-password=operator-test-pw",
            "application.properties | phare.mail.api-key = ${MAIL_KEY:k3y-in-the-repo}",
            "application.properties | quarkus.http.auth.session.encryption-key: 0123456789abcdef0123456789abcdef",
            "application.yaml       | `    client-secret: \"s3cr3t\"`",
            "application.yml        | `  private_key: abc # rotated`",
            "config.json            | {\"name\": \"shop\", \"apiToken\": \"t0k3n\"}",
            "beans.xml              | <property name=\"x\"><password>hunter2</password></property>",
            "beans.xml              | <datasource credentials=\"admin:admin\"/>",
            "page.html              | <div data-token=\"abc123\"></div>",
            "page.html              | <script>const apiKey = 'abc123';</script>",
    })
    void catchesSecretNamedSettingsGivenALiteral(String file, String line) {
        assertThat(scanner.scan(file, line)).as(line).hasSize(1);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "application.properties | quarkus.http.auth.session.encryption-key=${PHARE_SESSION_KEY:}",
            "application.properties | phare.admin-password=${PHARE_ADMIN_PASSWORD}",
            "application.properties | phare.admin-password=${PHARE_ADMIN_PASSWORD:${LEGACY_PASSWORD:}}",
            "application.properties | phare.admin-password=",
            "application.properties | # quarkus.datasource.password=hunter2 is how not to do it",
            "application.properties | quarkus.http.auth.permission.machine.auth-mechanism=bearer",
            "application.properties | phare.token.ttl=30d",
            "application.properties | quarkus.oidc.verify-access-token=true",
            "application.yaml       | `  password: ${DB_PASSWORD:}`",
            "application.yaml       | `  credentials:`",
            "config.json            | {\"secret\": \"\", \"name\": \"token\"}",
            "beans.xml              | <password>${DB_PASSWORD}</password>",
            "layout.html            | <body hx-headers='{\"X-CSRF-Token\": \"{page.csrfToken}\"}'>",
            "login.html             | <input type=\"password\" name=\"j_password\" autocomplete=\"current-password\">",
            "tokens.html            | <code class=\"token\" data-token>{created.token}</code>",
            "V1__foundation.sql     | password_hash text NOT NULL,",
    })
    void passesPlaceholdersAndNonSecrets(String file, String line) {
        assertThat(scanner.scan(file, line)).as(line).isEmpty();
    }

    @Test
    void aNonEmptyDefaultMakesAPlaceholderLiteral() {
        assertThat(SecretScanner.isLiteral("${PHARE_ADMIN_PASSWORD:}", false)).isFalse();
        assertThat(SecretScanner.isLiteral("${PHARE_ADMIN_PASSWORD:changeme}", false)).isTrue();
    }

    @Test
    void reportsEachHitAsFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("application.properties"), "a=1\n\nphare.admin-password=hunter2\n");
        Files.write(dir.resolve("server.p12"), new byte[] {0x30, (byte) 0x82});
        assertThat(scanner.scanTree(dir)).extracting(Finding::toString).containsExactly(
                dir.resolve("application.properties").toString().replace('\\', '/')
                        + ":3: phare.admin-password is given a literal value, not an environment placeholder",
                dir.resolve("server.p12").toString().replace('\\', '/') + ":1: key store file");
    }
}

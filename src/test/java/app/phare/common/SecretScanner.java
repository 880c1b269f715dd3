package app.phare.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds secret-looking values in committed files: key material, cloud and Phare tokens, JWTs, and settings named
 * like a secret that are given a literal value instead of an environment placeholder. Findings name the rule and
 * the key, never the value, so that a failing build does not print the secret again.
 */
final class SecretScanner {

    /** One secret-looking value: where it is and which rule it broke. */
    record Finding(String file, int line, String reason) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + reason;
        }
    }

    private static final Map<String, Pattern> TOKENS = Map.of(
            "private key block", Pattern.compile("-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----"),
            "AWS access key id", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
            "Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"),
            "GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}"),
            "Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"),
            "Phare API token", Pattern.compile("\\bphr_[A-Za-z0-9_-]{20,}"),
            "JWT", Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*"));

    /** Key stores are secrets as a whole, whatever they hold. */
    private static final Pattern KEY_STORE = Pattern.compile(".*\\.(jks|jceks|p12|pfx|keystore|bks)$");

    /** Secret-like key names, compared on the last segment, lower case, without separators. */
    private static final Pattern SECRET_KEY = Pattern.compile(
            ".*(password|passwd|secret|token|apikey|privatekey|encryptionkey|secretkey|accesskey|signingkey|credentials?)$");

    private static final Pattern PROPERTY = Pattern.compile("^\\s*([^#!\\s=:](?:[^=:\\s\\\\]|\\\\.)*)\\s*(?:[=:]\\s*|\\s+|$)(.*)$");
    private static final Pattern YAML = Pattern.compile("^\\s*(?:-\\s+)?([\"']?)([^\"'#:\\s][^\"':#]*?)\\1\\s*:(?:\\s+(.*?))?\\s*$");
    private static final Pattern JSON_PAIR = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.$-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    private static final Pattern SCRIPT_PAIR = Pattern.compile("([A-Za-z_$][\\w$]*)\\s*:\\s*(?:\"([^\"]*)\"|'([^']*)')");
    private static final Pattern XML_ELEMENT = Pattern.compile("<([\\w:.-]+)(?:\\s[^>]*)?>([^<]*)</\\1>");
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("^\\$\\{([^:}]+)(?::(.*))?}$");
    private static final Pattern TEMPLATE_EXPRESSION = Pattern.compile("\\{[^{}]*}");

    /** Every file under root, in path order; binary files are read too (key material can hide in them). */
    List<Finding> scanTree(Path root) throws IOException {
        List<Finding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.toString().replace('\\', '/');
                if (KEY_STORE.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
                    findings.add(new Finding(name, 1, "key store file"));
                }
                findings.addAll(scan(name, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)));
            }
        }
        return findings;
    }

    /** The findings in one file's content; the file name's extension says how settings are written in it. */
    List<Finding> scan(String fileName, String content) {
        String type = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        List<Finding> findings = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            TOKENS.forEach((what, pattern) -> {
                if (pattern.matcher(line).find()) {
                    findings.add(new Finding(fileName, lineNo, what));
                }
            });
            for (String key : literalSecretKeys(type, line)) {
                findings.add(new Finding(fileName, lineNo, key + " is given a literal value, not an environment placeholder"));
            }
        }
        return findings;
    }

    private static List<String> literalSecretKeys(String type, String line) {
        List<String> keys = new ArrayList<>();
        boolean template = type.equals("html") || type.equals("htm") || type.equals("js");
        switch (type) {
            case "properties", "env", "conf" -> {
                Matcher m = PROPERTY.matcher(line);
                if (m.matches() && isSecretKey(m.group(1)) && isLiteral(m.group(2), false)) {
                    keys.add(m.group(1));
                }
            }
            case "yaml", "yml" -> {
                Matcher m = YAML.matcher(line);
                if (m.matches() && m.group(3) != null && isSecretKey(m.group(2)) && isLiteral(yamlValue(m.group(3)), false)) {
                    keys.add(m.group(2));
                }
            }
            case "json" -> collect(JSON_PAIR, line, false, keys);
            case "xml" -> {
                collect(ATTRIBUTE, line, false, keys);
                collect(XML_ELEMENT, line, false, keys);
            }
            default -> {
                if (template) {
                    collect(ATTRIBUTE, line, true, keys);
                    collect(JSON_PAIR, line, true, keys);
                    collect(SCRIPT_PAIR, line, true, keys);
                }
            }
        }
        return keys;
    }

    private static void collect(Pattern pair, String line, boolean template, List<String> keys) {
        Matcher m = pair.matcher(line);
        while (m.find()) {
            String key = m.group(1);
            String value = m.group(2) != null ? m.group(2) : m.groupCount() > 2 && m.group(3) != null ? m.group(3) : "";
            if (isSecretKey(key) && isLiteral(value, template) && !keys.contains(key)) {
                keys.add(key);
            }
        }
    }

    private static boolean isSecretKey(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        String local = last.substring(last.lastIndexOf(':') + 1);
        return SECRET_KEY.matcher(local.toLowerCase(Locale.ROOT).replaceAll("[-_\\s\"']", "")).matches();
    }

    /**
     * Whether a value is written out rather than taken from elsewhere. {@code ${ENV}} and {@code ${ENV:}} are
     * placeholders; {@code ${ENV:default}} is a placeholder only when its default is one too. In templates a value
     * built from a template expression ({@code {page.csrfToken}}) is not literal either.
     */
    static boolean isLiteral(String raw, boolean template) {
        String value = unquote(raw.strip());
        if (value.isEmpty() || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return false;
        }
        Matcher env = ENV_PLACEHOLDER.matcher(value);
        if (env.matches()) {
            return env.group(2) != null && isLiteral(env.group(2), template);
        }
        return !(template && TEMPLATE_EXPRESSION.matcher(value).find());
    }

    private static String yamlValue(String raw) {
        String value = raw.strip();
        if (value.startsWith("\"") || value.startsWith("'")) {
            return value;
        }
        int comment = value.indexOf(" #");
        return comment < 0 ? value : value.substring(0, comment);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1).strip();
        }
        return value;
    }
}

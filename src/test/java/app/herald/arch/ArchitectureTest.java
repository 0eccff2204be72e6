package app.herald.arch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The package layering README "Conventions" describes, read from the sources so a wrong import fails the build. */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/app/herald");
    private static final Pattern APP_IMPORT = Pattern.compile("^import app\\.herald\\.([a-z]+(?:\\.[a-z]+)*)\\.[A-Z]",
            Pattern.MULTILINE);
    /** What each low package may import besides itself; features may import these, the top packages anything. */
    private static final Map<String, Set<String>> LOW = Map.of(
            "platform", Set.of(),
            "system", Set.of(),
            "governance.engine", Set.of("platform"),
            "account", Set.of("platform", "system", "web", "audit"),
            "web", Set.of("platform", "system", "account"),
            "audit", Set.of("platform", "system", "web", "account"));
    private static final Set<String> TOP = Set.of("demo", "shell");

    private record SourceFile(String pkg, Path path, String text) {
    }

    private static List<SourceFile> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).map(file -> {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                try {
                    return new SourceFile(pkg, file, Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String owner(String pkg) {
        return LOW.containsKey(pkg) ? pkg : pkg.split("\\.")[0];
    }

    @Test
    void lowPackagesImportOnlyWhatIsBelowThemAndNothingImportsTheTopPackages() {
        Set<String> violations = new TreeSet<>();
        for (SourceFile source : sources()) {
            String from = owner(source.pkg());
            Matcher imports = APP_IMPORT.matcher(source.text());
            while (imports.find()) {
                String to = owner(imports.group(1));
                boolean allowed = to.equals(from) || to.startsWith(from + ".")
                        || (LOW.containsKey(from) ? LOW.get(from).contains(to) : !TOP.contains(to) || TOP.contains(from));
                if (!allowed) {
                    violations.add(SOURCES.relativize(source.path()) + " imports app.herald." + imports.group(1));
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void onlyPublicationWorkflowChangesAPublicationsStatus() {
        Pattern assignment = Pattern.compile("\\b[pP]ublication\\.status\\s*=[^=]");
        List<String> writers = sources().stream().filter(source -> assignment.matcher(source.text()).find())
                .map(source -> source.path().getFileName().toString()).toList();
        assertThat(writers).containsExactly("PublicationWorkflow.java");
    }
}

package dev.bedrocksetup;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The map in docs/architecture.md, enforced on the main classes: no cycle between packages, and no package importing
 * one of a higher layer. The layers, bottom to top, are below; a package may use its own layer and any lower one.
 * The stand-in sits beside them: it uses core and json only, and only cli (init --demo, the start-up training run)
 * may use it.
 */
class LayersTest {
    /** Bottom to top; a layer may use the layers before it. */
    private static final List<List<String>> LAYERS = List.of(
            List.of("core", "json"),
            List.of("fs"),
            List.of("awsconfig", "claude"),
            List.of("aws"),
            List.of("sso"),
            List.of("credentials"),
            List.of("bedrock", "policy"),
            List.of("doctor", "setup"),
            List.of("wizard"),
            List.of("cli"));

    private static final String STANDIN = "standin";

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.bedrocksetup");

    @Test
    void noPackageCycles() {
        SliceRule rule = slices().matching("dev.bedrocksetup.(*)..").should().beFreeOfCycles();
        rule.check(MAIN_CLASSES);
    }

    @Test
    void noLayerUsesAHigherOne() {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(false);
        for (int i = 0; i < LAYERS.size(); i++) {
            architecture = architecture.layer(name(i)).definedBy(packages(LAYERS.get(i)));
        }
        architecture = architecture.layer(STANDIN).definedBy(packages(List.of(STANDIN)))
                .layer("entry").definedBy("dev.bedrocksetup"); // Main
        for (int i = 0; i < LAYERS.size(); i++) {
            List<String> users = new ArrayList<>();
            for (int j = i + 1; j < LAYERS.size(); j++) {
                users.add(name(j));
            }
            users.add("entry");
            if (i == 0) {
                users.add(STANDIN);
            }
            architecture = architecture.whereLayer(name(i)).mayOnlyBeAccessedByLayers(users.toArray(String[]::new));
        }
        architecture = architecture.whereLayer(STANDIN).mayOnlyBeAccessedByLayers(name(LAYERS.size() - 1))
                .whereLayer(STANDIN).mayOnlyAccessLayers(name(0));
        architecture.check(MAIN_CLASSES);
    }

    private static String name(int layer) {
        return String.join("+", LAYERS.get(layer));
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(n -> "dev.bedrocksetup." + n + "..").toArray(String[]::new);
    }
}

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Run by packaging/image/build-image.sh with the image's JDK (25+, whose java.lang.classfile this uses):
 *
 *   java packaging/image/ModernClassFiles.java IN.jar OUT.jar
 *
 * Copies the jar, rewriting every class file older than Java 6 (picocli's and slf4j's are Java 5 class files) as a
 * Java 8 class file, with the stack maps the newer format requires computed from the code. The byte code itself is
 * unchanged. Why: the JDK's AOT cache skips such old classes ("Skipping picocli/...: Old class has been linked" in
 * the training log), so every start loaded picocli's 175 classes from the jar and verified them with the old
 * type-inferring verifier; rewritten, they come from the cache already verified and linked (docs/performance.md,
 * decision 0044). Prints the number of classes rewritten.
 */
public final class ModernClassFiles {
    private static final int JAVA_6 = 50;
    private static final int JAVA_8 = 52;

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java ModernClassFiles.java IN.jar OUT.jar");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        // the stack maps need each class's super classes: the JDK's own, else read from the jar itself
        ClassLoader jar = new URLClassLoader(new URL[] {in.toUri().toURL()}, null);
        ClassFile classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                        .orElse(ClassHierarchyResolver.ofResourceParsing(jar))));
        ClassTransform toJava8 = (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.withVersion(JAVA_8, 0);
            } else {
                builder.with(element);
            }
        };
        // every method body rebuilt (not copied), so that its stack maps are generated
        ClassTransform rewrite = toJava8.andThen(ClassTransform.transformingMethodBodies((code, e) -> code.with(e)));
        int rewritten = 0;
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(in));
                ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e; (e = zin.getNextEntry()) != null;) {
                byte[] bytes = zin.readAllBytes();
                if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                    ClassModel model = classFile.parse(bytes);
                    if (model.majorVersion() < JAVA_6) {
                        bytes = classFile.transformClass(model, rewrite);
                        rewritten++;
                    }
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                zout.putNextEntry(copy);
                zout.write(bytes);
                zout.closeEntry();
            }
        }
        System.out.println(rewritten);
    }
}

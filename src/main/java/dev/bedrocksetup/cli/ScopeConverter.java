package dev.bedrocksetup.cli;

import dev.bedrocksetup.claude.SettingsScope;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Reads a --scope value as a {@link SettingsScope} by the spelling users type and help and completion show (user,
 * project, local, managed), so the option is enum-typed and a wrong value is a usage error naming the right ones.
 */
final class ScopeConverter implements CommandLine.ITypeConverter<SettingsScope> {
    @Override
    public SettingsScope convert(String value) {
        SettingsScope scope = SettingsScope.fromLabel(value.trim().toLowerCase(Locale.ROOT));
        if (scope == null) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a settings scope; use user, "
                    + "project, local or managed");
        }
        return scope;
    }
}

package dev.bedrocksetup.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChoiceFilterTest {
    static final List<String> PROFILES = List.of("assume-0  · assume-role · source_profile default",
            "my-default-x  · SSO", "defaults  · static keys", "default  · static keys",
            "Create an IAM Identity Center (SSO) profile");

    @Test
    void exactNameThenPrefixThenSubstringThenDescription() {
        assertEquals(List.of(3, 2, 1, 0), ChoiceFilter.matches(PROFILES, "default"));
    }

    @Test
    void caseDoesNotMatterAndNoTextKeepsTheListAsItIs() {
        assertEquals(List.of(3, 2, 1, 0), ChoiceFilter.matches(PROFILES, "DEFAULT"));
        assertEquals(List.of(0, 1, 2, 3, 4), ChoiceFilter.matches(PROFILES, ""));
    }

    @Test
    void aLabelWithoutDescriptionIsAllName() {
        assertEquals(List.of(4, 1), ChoiceFilter.matches(PROFILES, "sso"));
    }
}

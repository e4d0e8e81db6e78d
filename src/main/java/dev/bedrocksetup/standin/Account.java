package dev.bedrocksetup.standin;

import java.util.List;

/** An AWS account the SSO user is entitled to, with the permission-set roles it may assume there. */
public record Account(String accountId, String accountName, String emailAddress, List<String> roleNames) {
    public Account {
        roleNames = List.copyOf(roleNames);
    }
}

package dev.bedrocksetup.standin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Token pagination as AWS does it: an opaque next token, absent on the last page. */
final class Pages {
    record Page<T>(List<T> items, String nextToken) {}

    private Pages() {}

    static <T> Page<T> page(List<T> all, String maxResults, String nextToken, int defaultSize, int maxSize) {
        int size = defaultSize;
        if (maxResults != null) {
            try {
                size = Integer.parseInt(maxResults);
            } catch (NumberFormatException e) {
                throw AwsError.validation("maxResults must be a number");
            }
            if (size < 1 || size > maxSize) {
                throw AwsError.validation("1 validation error detected: Value '" + maxResults
                        + "' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and "
                        + maxSize);
            }
        }
        int from = 0;
        if (nextToken != null) {
            try {
                from = Integer.parseInt(new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8)
                        .substring("offset:".length()));
            } catch (RuntimeException e) {
                throw AwsError.validation("The pagination token is invalid.");
            }
        }
        int to = Math.min(all.size(), from + size);
        List<T> items = from >= all.size() ? List.of() : all.subList(from, to);
        String next = to < all.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + to).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(items, next);
    }
}

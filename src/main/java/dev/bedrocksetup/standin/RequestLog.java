package dev.bedrocksetup.standin;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Thread-safe record of the requests received, in arrival order; what tests assert on. */
public final class RequestLog {
    private final List<LoggedRequest> entries = new ArrayList<>();

    synchronized void add(LoggedRequest entry) {
        entries.add(entry);
    }

    /** A snapshot of everything received so far. */
    public synchronized List<LoggedRequest> all() {
        return List.copyOf(entries);
    }

    public List<LoggedRequest> of(Operation operation) {
        return all().stream().filter(e -> e.operation() == operation).collect(Collectors.toList());
    }

    public List<Operation> operations() {
        return all().stream().map(LoggedRequest::operation).collect(Collectors.toList());
    }

    public synchronized void clear() {
        entries.clear();
    }

    @Override
    public synchronized String toString() {
        List<String> lines = new ArrayList<>();
        for (LoggedRequest e : entries) {
            lines.add(e.toString());
        }
        return String.join("\n", lines);
    }
}

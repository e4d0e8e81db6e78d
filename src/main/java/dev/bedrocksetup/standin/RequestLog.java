package dev.bedrocksetup.standin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Thread-safe record of the requests received, in arrival order; what tests assert on. */
public final class RequestLog {
    private final List<LoggedRequest> entries = new ArrayList<>();
    private final List<String> unknown = new ArrayList<>();
    private final List<Consumer<LoggedRequest>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> unknownListeners = new CopyOnWriteArrayList<>();

    void add(LoggedRequest entry) {
        synchronized (this) {
            entries.add(entry);
        }
        listeners.forEach(l -> l.accept(entry));
    }

    /** Calls the listener for every request from now on (the standalone server prints them). */
    public void onEntry(Consumer<LoggedRequest> listener) {
        listeners.add(listener);
    }

    /** A request no stand-in operation matched, as "METHOD path"; answered 404 UnknownOperationException. */
    void addUnknown(String methodAndPath) {
        synchronized (this) {
            unknown.add(methodAndPath);
        }
        unknownListeners.forEach(l -> l.accept(methodAndPath));
    }

    public void onUnknown(Consumer<String> listener) {
        unknownListeners.add(listener);
    }

    /** The requests that matched no operation: what a client needed that the stand-in does not speak. */
    public synchronized List<String> unknown() {
        return List.copyOf(unknown);
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
        unknown.clear();
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

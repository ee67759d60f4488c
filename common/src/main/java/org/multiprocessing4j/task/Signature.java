package org.multiprocessing4j.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A task's parameters, bound the way Python binds a call: positional arguments fill the named
 * parameters in order, keyword arguments fill them by name, optional parameters take their
 * default, and extras go to {@code *args} / {@code **kwargs} if the signature has them.
 *
 * <pre>{@code
 * Signature.of("name", "age").withVarKeywords()   // def run_proc(name, age, **kwargs)
 * Signature.of("interval")                        // def worker(interval)
 * Signature.of("a").optional("b", 10)             // def f(a, b=10)
 * }</pre>
 */
public final class Signature {
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Object REQUIRED = new Object();

    private final Map<String, Object> parameters; // name -> default, or REQUIRED
    private final boolean varArgs;
    private final boolean varKeywords;
    private final boolean any;

    private Signature(Map<String, Object> parameters, boolean varArgs, boolean varKeywords, boolean any) {
        this.parameters = Collections.unmodifiableMap(parameters);
        this.varArgs = varArgs;
        this.varKeywords = varKeywords;
        this.any = any;
    }

    /** Required positional-or-keyword parameters, in order. */
    public static Signature of(String... names) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (String name : names) {
            addParameter(parameters, name, REQUIRED);
        }
        return new Signature(parameters, false, false, false);
    }

    /** Accepts any arguments: {@code def f(*args, **kwargs)}. */
    public static Signature any() {
        return new Signature(new LinkedHashMap<>(), true, true, true);
    }

    /** Adds a required parameter (before any optional one, as in Python). */
    public Signature required(String name) {
        Map<String, Object> copy = new LinkedHashMap<>(parameters);
        addParameter(copy, name, REQUIRED);
        return new Signature(copy, varArgs, varKeywords, any);
    }

    /** Adds an optional parameter with its default (must come after the required ones, as in Python). */
    public Signature optional(String name, Object defaultValue) {
        Map<String, Object> copy = new LinkedHashMap<>(parameters);
        addParameter(copy, name, defaultValue);
        return new Signature(copy, varArgs, varKeywords, any);
    }

    /** Extra positional arguments are accepted and left in {@link TaskCall#args()} ({@code *args}). */
    public Signature withVarArgs() {
        return new Signature(new LinkedHashMap<>(parameters), true, varKeywords, any);
    }

    /** Extra keyword arguments are accepted and left in {@link TaskCall#kwargs()} ({@code **kwargs}). */
    public Signature withVarKeywords() {
        return new Signature(new LinkedHashMap<>(parameters), varArgs, true, any);
    }

    public List<String> parameterNames() {
        return List.copyOf(parameters.keySet());
    }

    /** The outcome of binding one call: named parameters, plus what *args and **kwargs took. */
    public record Bound<V>(Map<String, V> named, List<V> extraArgs, Map<String, V> extraKwargs) {
    }

    /**
     * Binds a call, or raises {@link BindingException} with Python's wording, e.g.
     * {@code func() missing 1 required positional argument: 'msg'}. Defaults are used as they are.
     */
    public Bound<Object> bind(String function, List<Object> args, Map<String, Object> kwargs) {
        return bind(function, args, kwargs, Function.identity());
    }

    /**
     * Binds values of any representation (the worker binds JSON trees, converted only when read);
     * {@code defaultValue} turns a parameter's default into that representation.
     */
    public <V> Bound<V> bind(String function, List<V> args, Map<String, V> kwargs, Function<Object, V> defaultValue) {
        Map<String, V> named = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(parameters.keySet());
        int positional = Math.min(args.size(), names.size());
        for (int i = 0; i < positional; i++) {
            named.put(names.get(i), args.get(i));
        }
        List<V> extraArgs = new ArrayList<>(args.subList(positional, args.size()));
        if (!extraArgs.isEmpty() && !varArgs) {
            throw new BindingException(function + "() takes " + count(names.size(), "positional argument")
                    + " but " + args.size() + (args.size() == 1 ? " was" : " were") + " given");
        }
        Map<String, V> extraKwargs = new LinkedHashMap<>();
        for (Map.Entry<String, V> kwarg : kwargs.entrySet()) {
            String key = kwarg.getKey();
            if (parameters.containsKey(key)) {
                if (named.containsKey(key)) {
                    throw new BindingException(function + "() got multiple values for argument '" + key + "'");
                }
                named.put(key, kwarg.getValue());
            } else if (varKeywords) {
                extraKwargs.put(key, kwarg.getValue());
            } else {
                throw new BindingException(function + "() got an unexpected keyword argument '" + key + "'");
            }
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            if (!named.containsKey(parameter.getKey())) {
                if (parameter.getValue() == REQUIRED) {
                    missing.add(parameter.getKey());
                } else {
                    named.put(parameter.getKey(), defaultValue.apply(parameter.getValue()));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new BindingException(function + "() missing " + count(missing.size(), "required positional argument")
                    + ": " + quoteList(missing));
        }
        return new Bound<>(named, extraArgs, extraKwargs);
    }

    /** True for {@link #any()}: the task reads raw args and kwargs. */
    public boolean acceptsAnything() {
        return any;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parameters.forEach((name, value) -> parts.add(value == REQUIRED ? name : name + "=" + value));
        if (varArgs) {
            parts.add("*args");
        }
        if (varKeywords) {
            parts.add("**kwargs");
        }
        return "(" + String.join(", ", parts) + ")";
    }

    /** Arguments that do not fit a signature. */
    public static final class BindingException extends IllegalArgumentException {
        public BindingException(String message) {
            super(message);
        }
    }

    private static void addParameter(Map<String, Object> parameters, String name, Object defaultValue) {
        if (name == null || !PARAMETER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a parameter name: " + name);
        }
        if (parameters.containsKey(name)) {
            throw new IllegalArgumentException("duplicate parameter: " + name);
        }
        if (defaultValue == REQUIRED && parameters.values().stream().anyMatch(v -> v != REQUIRED)) {
            throw new IllegalArgumentException("required parameter '" + name + "' follows an optional one");
        }
        parameters.put(name, defaultValue);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    // Python: 'a' / 'a' and 'b' / 'a', 'b', and 'c'
    private static String quoteList(List<String> names) {
        List<String> quoted = names.stream().map(n -> "'" + n + "'").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        if (quoted.size() == 2) {
            return quoted.get(0) + " and " + quoted.get(1);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + ", and " + quoted.get(quoted.size() - 1);
    }
}

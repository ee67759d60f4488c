package org.multiprocessing4j.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binding follows Python's rules and speaks Python's error messages. */
class SignatureTest {

    @Test
    void positionalAndKeywordArgumentsFillNamedParameters() {
        Signature.Bound<Object> bound = Signature.of("name", "age").withVarKeywords()
                .bind("run_proc", List.of("林一", 18), Map.of("林三", 16));
        assertEquals(Map.of("name", "林一", "age", 18), bound.named());
        assertEquals(Map.of("林三", 16), bound.extraKwargs());
    }

    @Test
    void aMissingArgumentIsReportedAsPythonWould() {
        Signature.BindingException e = assertThrows(Signature.BindingException.class,
                () -> Signature.of("msg").bind("func", List.of(), Map.of()));
        assertEquals("func() missing 1 required positional argument: 'msg'", e.getMessage());
        e = assertThrows(Signature.BindingException.class,
                () -> Signature.of("a", "b", "c").bind("f", List.of(), Map.of()));
        assertEquals("f() missing 3 required positional arguments: 'a', 'b', and 'c'", e.getMessage());
    }

    @Test
    void tooManyArgumentsAreReportedAsPythonWould() {
        Signature.BindingException e = assertThrows(Signature.BindingException.class,
                () -> Signature.of("msg").bind("func", List.of("a", "b"), Map.of()));
        assertEquals("func() takes 1 positional argument but 2 were given", e.getMessage());
    }

    @Test
    void unexpectedAndDuplicateKeywordsAreReported() {
        assertEquals("func() got an unexpected keyword argument 'x'", assertThrows(Signature.BindingException.class,
                () -> Signature.of("msg").bind("func", List.of(), Map.of("x", 1))).getMessage());
        assertEquals("func() got multiple values for argument 'msg'", assertThrows(Signature.BindingException.class,
                () -> Signature.of("msg").bind("func", List.of("a"), Map.of("msg", "b"))).getMessage());
    }

    @Test
    void optionalParametersTakeTheirDefaults() {
        Signature.Bound<Object> bound = Signature.of("a").optional("b", 10).bind("f", List.of(1), Map.of());
        assertEquals(Map.of("a", 1, "b", 10), bound.named());
        assertEquals("(a, b=10)", Signature.of("a").optional("b", 10).toString());
    }

    @Test
    void anySignatureKeepsEverythingRaw() {
        Signature.Bound<Object> bound = Signature.any().bind("f", List.of(1, 2), Map.of("k", 3));
        assertEquals(List.of(1, 2), bound.extraArgs());
        assertEquals(Map.of("k", 3), bound.extraKwargs());
    }

    @Test
    void parameterNamesMustBeIdentifiersAndUnique() {
        assertThrows(IllegalArgumentException.class, () -> Signature.of("bad name"));
        assertThrows(IllegalArgumentException.class, () -> Signature.of("a", "a"));
        assertThrows(IllegalArgumentException.class, () -> Signature.of("a").optional("a", 1));
    }
}

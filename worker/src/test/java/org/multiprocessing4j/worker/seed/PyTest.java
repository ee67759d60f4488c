package org.multiprocessing4j.worker.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed tasks print what Python prints; these are Python's own outputs for the same values. */
class PyTest {

    @Test
    void floatsPrintLikePythonRepr() {
        assertEquals("2.0", Py.floatRepr(2.0));
        assertEquals("1764262592.123456", Py.floatRepr(1764262592.123456));
        assertEquals("0.5", Py.floatRepr(0.5));
        assertEquals("1e-05", Py.floatRepr(0.00001));
        assertEquals("1.5e+16", Py.floatRepr(1.5e16));
    }

    @Test
    void ctimeHasPythonsShape() {
        // 'Fri Nov 27 16:56:32 2026', with the day of month padded by a space: 'Sun Jun  9 01:21:11 2013'
        assertTrue(Py.ctime().matches("[A-Z][a-z]{2} [A-Z][a-z]{2} [ 1-3][0-9] \\d{2}:\\d{2}:\\d{2} \\d{4}"), Py.ctime());
    }

    @Test
    void containersPrintLikePythonRepr() {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("林三", 16);
        assertEquals("{'林三': 16}", Py.repr(kwargs));
        assertEquals("[1, 'a', True, None, 2.5]", Py.repr(java.util.Arrays.asList(1, "a", true, null, 2.5)));
        assertEquals("hello 0", Py.str("hello 0"));
        assertEquals("'it\\'s'", Py.repr("it's"));
        assertEquals("[]", Py.repr(List.of()));
    }
}

/** JSON text for values, by the wire's rules: {@link org.multiprocessing4j.json.JsonText}. */
package org.multiprocessing4j.json;

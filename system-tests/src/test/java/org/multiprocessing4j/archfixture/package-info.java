/**
 * Classes that break the architecture rules on purpose, so that ArchitectureRulesBiteTest can show
 * each rule failing. Test sources only: never part of a shipped module.
 */
package org.multiprocessing4j.archfixture;

/**
 * The producer command line, on the producer library's public API only: it cannot even see an
 * internal package (none is exported to it).
 */
module org.multiprocessing4j.cli {
    requires org.multiprocessing4j.producer;
    requires info.picocli;
    requires me.tongfei.progressbar;

    // picocli builds the commands and sets their options reflectively.
    opens org.multiprocessing4j.cli to info.picocli;
    opens org.multiprocessing4j.cli.support to info.picocli;
    opens org.multiprocessing4j.cli.examples to info.picocli;
}

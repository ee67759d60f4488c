/** A user's module: it needs the producer library alone, and opens its records to Jackson. */
module org.example.shapes {
    requires org.multiprocessing4j.producer;

    exports org.example.shapes;
    opens org.example.shapes to com.fasterxml.jackson.databind;

    provides org.multiprocessing4j.task.TaskProvider with org.example.shapes.ShapesProvider;
}

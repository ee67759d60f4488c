package org.multiprocessing4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.multiprocessing4j.cli.examples.ExamplesCommand;
import org.multiprocessing4j.cli.support.BrokerOptions;
import org.multiprocessing4j.cli.support.CliSupport;
import org.multiprocessing4j.cli.support.Interrupts;
import org.multiprocessing4j.cli.support.OneLine;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code producer}: the command line of multiprocessing4j. Every subcommand connects to the
 * broker named by {@code --uri} / {@code AMQP_URI}; tasks run on the workers.
 */
@Command(name = "producer", mixinStandardHelpOptions = true, version = "multiprocessing4j producer 0.1.0",
        description = "Runs Python-multiprocessing-style work on workers anywhere, over RabbitMQ.",
        subcommands = {
                ExamplesCommand.class,
                SubmitCommand.class,
                MapCommand.class,
                WorkersCommand.class,
                StatusCommand.class,
                ProcessCommand.class,
                QueueCommand.class,
                DeadCommand.class,
                EventsCommand.class,
                LogsCommand.class,
                LockCommand.class, EventCommand.class, // issue 11: locks and events from a terminal
                CommandLine.HelpCommand.class
        })
public final class ProducerMain implements Runnable, CliSupport.WithBrokerOptions {
    @Mixin
    BrokerOptions broker;

    @Spec
    CommandSpec spec;

    private ProducerMain(Map<String, String> env) {
        this.broker = new BrokerOptions(env);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call execute() on it with their own out/err writers. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The command line with these environment variables instead of the process's (AMQP_URI, MP4J_NAMESPACE...). */
    public static CommandLine commandLine(Map<String, String> env) {
        CommandLine commandLine = new CommandLine(new ProducerMain(env));
        commandLine.setParameterExceptionHandler(ProducerMain::refuse);
        commandLine.setExecutionExceptionHandler(ProducerMain::handle);
        return commandLine;
    }

    /** A bad command line: one line naming what is wrong (no usage dump), exit code 2. */
    private static int refuse(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String hint = e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()
                ? " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)"
                : " (see '" + command.getCommandSpec().qualifiedName() + " --help')";
        BrokerOptions broker = ((ProducerMain) command.getCommandSpec().root().userObject()).broker;
        command.getErr().println("producer: " + OneLine.of(broker.redact(e.getMessage())) + hint);
        command.getErr().flush();
        return ExitCodes.USAGE;
    }

    @Override
    public BrokerOptions broker() {
        return broker;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One clear line on stderr and a meaningful exit code; a stack trace only for bugs, or with --debug. */
    private static int handle(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
        PrintWriter err = command.getErr();
        int code = ExitCodes.of(e);
        if (Interrupts.interrupted()) {
            return code; // the JVM is going down on a signal; the signal handler said what it did
        }
        BrokerOptions broker = ((ProducerMain) command.getCommandSpec().root().userObject()).broker;
        err.println("producer: " + OneLine.of(broker.redact(describe(e))));
        if (broker.debug() || code == ExitCodes.INTERNAL) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(broker.redact(trace.toString()));
        }
        err.flush();
        return code;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (ExitCodes.of(e) == ExitCodes.INTERNAL) {
            return "unexpected error: " + e;
        }
        return message == null ? e.toString() : message;
    }
}

package org.multiprocessing4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.multiprocessing4j.cli.support.OptionValues;

/**
 * The items of {@code map --file}: one per line of UTF-8 text, blank lines skipped. A file that
 * is not that (a directory, a binary file, one that cannot be read) is a usage error naming it.
 */
final class ItemFile {
    private ItemFile() {
    }

    static List<String> lines(String file) {
        String shown = "-".equals(file) ? "standard input" : OptionValues.quoted(file);
        Path path = "-".equals(file) ? null : Path.of(file);
        if (path != null && Files.isDirectory(path)) {
            throw new IllegalArgumentException("--file " + shown + " is a directory, not a file of items");
        }
        List<String> lines = new ArrayList<>();
        try (InputStream in = path == null ? System.in : Files.newInputStream(path);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.indexOf('\0') >= 0) {
                    throw notText(shown, lines.size() + 1);
                }
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--file " + shown + ": no such file");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("--file " + shown + ": permission denied");
        } catch (CharacterCodingException e) {
            throw notText(shown, lines.size() + 1);
        } catch (IOException e) {
            throw new IllegalArgumentException("--file " + shown + " cannot be read: " + e.getMessage());
        }
        return lines;
    }

    private static IllegalArgumentException notText(String shown, int near) {
        return new IllegalArgumentException("--file " + shown + " is not UTF-8 text, one item per line "
                + "(a binary file? near item " + near + ")");
    }
}

package io.fulfillment.psp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of entries, one JSON line each. {@link #append} returns once the line is on disk (fsync), so an
 * entry survives a crash of the process or of the machine from the moment its answer can be given.
 *
 * <p>A crash during an append leaves at most a torn last line, one without its newline; its answer was never given, so
 * opening the journal cuts it off. An unreadable line before the last one is damage, not a crash, and opening fails. A
 * journal locks its file while open, so that a second sandbox on the same data directory fails at its start instead of
 * each missing the other's entries. After a failed write it refuses every later entry: whether the failed one reached
 * the disk is unknown until the file is read again, at the next start.
 *
 * <p>It writes through a {@link RandomAccessFile}, not a {@link FileChannel}: a thread interrupted while writing to a
 * channel closes it, for every caller after it.
 */
final class Journal<E> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final Path file;
    private final RandomAccessFile out;
    private IOException failure;

    private Journal(Path file, RandomAccessFile out) {
        this.file = file;
        this.out = out;
    }

    /** Opens the journal at {@code file}, creating it if needed, and hands every entry in it to {@code restore}. */
    static <E> Journal<E> open(Path file, Class<E> type, Consumer<? super E> restore) {
        Path absolute = file.toAbsolutePath();
        RandomAccessFile out = null;
        try {
            Files.createDirectories(absolute.getParent());
            boolean created = Files.notExists(absolute);
            out = new RandomAccessFile(absolute.toFile(), "rw");
            lock(absolute, out);
            if (created) {
                syncDirectory(absolute.getParent());
            }
            Journal<E> journal = new Journal<>(absolute, out);
            journal.cutTornLine();
            journal.replay(type, restore);
            out.seek(out.length());
            return journal;
        } catch (IOException e) {
            closeQuietly(out, e);
            throw new UncheckedIOException("cannot open " + absolute, e);
        } catch (RuntimeException e) {
            closeQuietly(out, e);
            throw e;
        }
    }

    synchronized void append(E entry) {
        if (failure != null) {
            throw new UncheckedIOException(file + " refuses entries after a failed write", failure);
        }
        try {
            byte[] json = JSON.writeValueAsBytes(entry);
            byte[] line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = '\n';
            out.write(line);
            out.getFD().sync();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + entry + " as JSON", e);
        } catch (IOException e) {
            failure = e;
            log.error("cannot write to {}; every later entry is refused until a restart", file, e);
            throw new UncheckedIOException("cannot write to " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    private static void lock(Path file, RandomAccessFile out) throws IOException {
        FileLock lock;
        try {
            lock = out.getChannel().tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException(
                    file + " is in use by another PSP sandbox: give each one a data directory of its own");
        }
    }

    /** Makes a new file's directory entry durable too, where the platform allows it (not on Windows). */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            log.debug("cannot sync directory {}", directory, e);
        }
    }

    private void cutTornLine() throws IOException {
        long length = out.length();
        long end = length;
        while (end > 0 && byteAt(end - 1) != '\n') {
            end--;
        }
        if (end < length) {
            log.warn(
                    "{}: cutting off a torn last line of {} bytes, left by a crash during a write", file, length - end);
            out.setLength(end);
            out.getFD().sync();
        }
    }

    private int byteAt(long position) throws IOException {
        out.seek(position);
        return out.read();
    }

    private void replay(Class<E> type, Consumer<? super E> restore) throws IOException {
        out.seek(0);
        // through the locked file itself (a lock keeps out other readers on Windows); not closed, as that would close
        // the file
        BufferedReader lines = new BufferedReader(Channels.newReader(out.getChannel(), StandardCharsets.UTF_8));
        ObjectReader reader = JSON.readerFor(type);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            try {
                restore.accept(reader.readValue(line));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(file + " is damaged: line " + number + " is no entry", e);
            }
        }
    }

    private static void closeQuietly(RandomAccessFile out, Exception failure) {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}

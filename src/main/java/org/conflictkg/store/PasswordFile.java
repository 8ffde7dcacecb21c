package org.conflictkg.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A password file, as read by {@code serve --password-file} (the users who may write) and by
 * {@code load}/{@code query --password-file} (the password to send). One parser for both, so a
 * file means the same to the server and to its clients.
 *
 * <p>The format: UTF-8 text (a leading byte order mark is skipped); blank lines and lines starting
 * with {@code #} or {@code !} are ignored; every other line is {@code user: password[, role...]}
 * (the Jetty realm file format: a name without spaces or colons, a colon, then white space or the
 * end of the line). A client may instead give a file holding the password alone on its one line,
 * which then may contain colons as long as it does not look like a user line; a server needs user
 * lines. Refused, each with one line naming the file (and line): a missing or unreadable file, a
 * directory, invalid UTF-8, an empty file, an empty password, a user named twice, a line that is
 * neither, and, where the file system has POSIX permissions, a file that users other than its owner
 * may read or write.
 */
public final class PasswordFile {
    /** One user line: name, password (as written: Jetty's {@code OBF:}, {@code MD5:}, {@code CRYPT:} forms stay as they are), roles. */
    public record User(String name, String password, List<String> roles) {
        public User {
            Objects.requireNonNull(name);
            Objects.requireNonNull(password);
            roles = List.copyOf(roles);
        }

        @Override
        public String toString() {
            return "User[" + name + "]";
        }
    }

    private static final Pattern USER_LINE = Pattern.compile("([^\\s:]+):(?:\\s(.*))?");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final Path file;
    private final Map<String, User> users;
    private final String bare;

    private PasswordFile(Path file, Map<String, User> users, String bare) {
        this.file = file;
        this.users = users;
        this.bare = bare;
    }

    /** Reads and checks {@code file}; a {@link StoreException#badInput bad input} error if it is unusable. */
    public static PasswordFile read(Path file) {
        checkFile(file);
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException ex) {
            throw bad(file, "is not UTF-8 text");
        } catch (IOException ex) {
            throw bad(file, "cannot be read: " + reason(ex));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(file, text);
    }

    /** Parses the text of a password file ({@code file} names it in errors). */
    static PasswordFile parse(Path file, String text) {
        Map<String, User> users = new LinkedHashMap<>();
        List<Integer> otherLines = new ArrayList<>();
        List<String> others = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            Matcher m = USER_LINE.matcher(line);
            if (!m.matches()) {
                otherLines.add(lineNo);
                others.add(line);
                continue;
            }
            String name = m.group(1);
            String rest = m.group(2) == null ? "" : m.group(2);
            String[] parts = rest.split(",", -1);
            String password = parts[0].strip();
            if (password.isEmpty()) {
                throw bad(file, lineNo, "user " + name + " has an empty password");
            }
            List<String> roles = new ArrayList<>();
            for (int p = 1; p < parts.length; p++) {
                if (!parts[p].isBlank()) {
                    roles.add(parts[p].strip());
                }
            }
            if (users.putIfAbsent(name, new User(name, password, roles)) != null) {
                throw bad(file, lineNo, "user " + name + " is named twice");
            }
        }
        if (users.isEmpty() && others.isEmpty()) {
            throw bad(file, "is empty: expected 'user: password' lines");
        }
        if (!users.isEmpty() && !others.isEmpty()) {
            throw bad(file, otherLines.get(0), "expected 'user: password'");
        }
        if (others.size() > 1) {
            throw bad(file, otherLines.get(1), "expected 'user: password' lines, or a password alone on one line");
        }
        return new PasswordFile(file, java.util.Collections.unmodifiableMap(users), others.isEmpty() ? null : others.get(0));
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** The users of a {@code user: password} file, in file order; empty for a password alone. */
    public List<User> users() {
        return List.copyOf(users.values());
    }

    /**
     * The users a server accepts: at least one, else a bad input error (the file holds a password
     * alone, which names no user).
     */
    public List<User> serverUsers() {
        if (users.isEmpty()) {
            throw bad(file, "holds no 'user: password' line, so no user could write"
                    + (bare.contains(":") ? " (put a space after the colon)" : "")
                    + "; a password alone is for the clients' --password-file");
        }
        return users();
    }

    /**
     * The password a client sends as {@code user}: the password alone, or the one on the line of
     * {@code user}; a bad input error if the file has users but {@code user} is null or not among them.
     */
    public String passwordFor(String user) {
        if (bare != null) {
            return bare;
        }
        User u = user == null ? null : users.get(user);
        if (u == null) {
            throw bad(file, "has no line for user " + (user == null ? "(give --user)" : user));
        }
        return u.password();
    }

    private static void checkFile(Path file) {
        if (Files.isDirectory(file)) {
            throw bad(file, "is a directory");
        }
        if (!Files.exists(file)) {
            throw bad(file, "does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw bad(file, "is not a regular file");
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            Set<PosixFilePermission> perms;
            try {
                perms = posix.readAttributes().permissions();
            } catch (IOException ex) {
                throw bad(file, "cannot be read: " + reason(ex));
            }
            Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
            open.addAll(perms);
            open.retainAll(OTHERS);
            if (!open.isEmpty()) {
                throw bad(file, "may be read or written by other users (" + PosixFilePermissions.toString(perms)
                        + "): run chmod 600 " + file);
            }
        }
    }

    private static String reason(IOException ex) {
        if (ex instanceof NoSuchFileException) {
            return "no such file";
        }
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }

    private static StoreException bad(Path file, String what) {
        return StoreException.badInput("password file " + file + " " + what);
    }

    private static StoreException bad(Path file, int line, String what) {
        return StoreException.badInput("password file " + file + ", line " + line + ": " + what);
    }
}

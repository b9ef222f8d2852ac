package vn.childguard.shared;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Tells a failure of the storage (a full disk or a database out of space) from other errors, so a
 * page can say so and ask to try again later instead of showing a server error: PostgreSQL reports
 * it with an SQL state of class 53 (insufficient resources, 53100 disk full), the file system with
 * "No space left on device".
 */
public final class StorageFailure {

    private StorageFailure() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("53")) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null && t.getMessage().contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }
}

package app.phare.ingest;

/** A file that cannot be read as a whole (not text, wrong encoding, a mapped column missing): the file fails. */
public class FileUnreadableException extends Exception {

    public FileUnreadableException(String message) {
        super(message);
    }
}

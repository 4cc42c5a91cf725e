package io.fulfillment.chassis.distributed;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.util.Optional;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;

/**
 * Axon's MongoDB token store for a database that several instances of one service share (ADR 0017).
 *
 * <p>On a fresh database the first call to {@link #retrieveStorageIdentifier()} creates the store's identifier: it
 * reads the {@code __config} token and, finding none, inserts one. Two instances starting together can both read
 * nothing; the unique index then refuses the second insert, and Axon reports that as
 * {@link UnableToRetrieveIdentifierException}, so the instance that lost fails to start. Here the loser reads again
 * and gets the identifier the winner wrote. Any other failure is reported as before.
 */
final class SharedMongoTokenStore extends MongoTokenStore {

    SharedMongoTokenStore(Builder builder) {
        super(builder);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        try {
            return super.retrieveStorageIdentifier();
        } catch (UnableToRetrieveIdentifierException e) {
            if (!anotherInstanceCreatedIt(e)) {
                throw e;
            }
            return super.retrieveStorageIdentifier();
        }
    }

    private static boolean anotherInstanceCreatedIt(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoWriteException write
                    && ErrorCategory.fromErrorCode(write.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }
}

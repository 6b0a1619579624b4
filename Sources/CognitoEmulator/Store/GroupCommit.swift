import GRDB
import NIOConcurrencyHelpers

/// Commits concurrent writes together: one transaction, so one fsync, for all the writes that arrived
/// while the previous commit was on disk. Each write runs in a savepoint of its own, so one that throws
/// (a username taken, say) is rolled back alone and its caller gets the error; each caller resumes only
/// once its own write is committed, so nothing is acknowledged before it would survive a crash.
///
/// Sign-in sessions and new users (SignUp, AdminCreateUser) go through one; the service's other writes
/// are single transactions of their own.
final class GroupCommit: Sendable {
    /// One caller's write.
    private struct Job {
        /// Runs the write in a savepoint of the batch's transaction; answers what resumes the caller once
        /// that transaction is on disk.
        let run: @Sendable (Database) -> @Sendable () -> Void
        /// Runs the write alone, in a transaction of its own, and resumes the caller (when a batch failed).
        let runAlone: @Sendable () -> Void
    }

    private struct Pending {
        var jobs: [Job] = []
        var committing = false
        var committedSincePrune = 0
    }

    /// Sessions are pruned once this many writes have been committed since the last prune.
    static let pruneEvery = 512
    /// A session stays a day past its refresh token's expiry: the longest an access or ID token it
    /// issued can still be checked against it.
    static let retention: Double = 86_400

    private let store: CognitoStore
    private let pending = NIOLockedValueBox(Pending())
    /// What a batch does besides its writes once every ``pruneEvery`` writes (the sessions' pruning).
    private let housekeeping: (@Sendable (Database) throws -> Void)?

    init(store: CognitoStore, housekeeping: (@Sendable (Database) throws -> Void)? = nil) {
        self.store = store
        self.housekeeping = housekeeping
    }

    /// Runs `body` in the next batch's transaction, returning its result once that transaction is committed.
    /// - Throws: What `body` threw (its savepoint rolled back), or why the commit failed.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let store = self.store
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job = Job(
                run: { db in
                    var outcome: Result<T, any Error> = .failure(CancellationError())
                    do {
                        try db.inSavepoint {
                            outcome = .success(try body(db))
                            return .commit
                        }
                    } catch {
                        outcome = .failure(error)
                    }
                    let result = outcome
                    return { continuation.resume(with: result) }
                },
                runAlone: { continuation.resume(with: Result { try store.write(body) }) }
            )
            let leads = pending.withLockedValue { pending in
                pending.jobs.append(job)
                defer { pending.committing = true }
                return !pending.committing
            }
            // The first caller commits batches until none is left; later ones just wait for theirs.
            if leads { commitUntilDrained() }
        }
    }

    /// Inserts `session`, returning once it is committed.
    func insert(_ session: StoredSession) async throws {
        try await write { db in try session.insert(db) }
    }

    /// Deletes the sessions whose refresh token (and rotated-out token) expired before `cutoff`, as
    /// Cognito forgets them.
    static func pruneExpired(before cutoff: Double, _ db: Database) throws {
        try db.execute(
            sql: "DELETE FROM sessions WHERE refreshExpires < ? AND (previousValidUntil IS NULL OR previousValidUntil < ?)",
            arguments: [cutoff, cutoff]
        )
    }

    private func commitUntilDrained() {
        while true {
            let (batch, housekeep) = pending.withLockedValue { pending in
                defer { pending.jobs = [] }
                if pending.jobs.isEmpty { pending.committing = false }
                pending.committedSincePrune += pending.jobs.count
                let due = pending.committedSincePrune >= Self.pruneEvery
                if due { pending.committedSincePrune = 0 }
                return (pending.jobs, due)
            }
            if batch.isEmpty { return }
            var resumes: [@Sendable () -> Void] = []
            do {
                try store.write { db in
                    resumes = batch.map { $0.run(db) }
                    if housekeep, let housekeeping { try housekeeping(db) }
                }
                for resume in resumes { resume() }
            } catch {
                // The transaction as a whole failed (the disk is full, say): each write is tried alone,
                // so it fails or succeeds on its own.
                for job in batch { job.runAlone() }
            }
        }
    }
}

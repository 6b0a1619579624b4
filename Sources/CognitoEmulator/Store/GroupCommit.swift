import GRDB
import NIOConcurrencyHelpers

/// Commits the session rows of concurrent sign-ins together: one transaction, so one fsync, for all the
/// rows that arrived while the previous commit was on disk. Each caller resumes only once its own row
/// is committed, so a refresh token is never handed out before it would survive a crash.
final class GroupCommit: Sendable {
    private struct Pending {
        var rows: [(StoredSession, CheckedContinuation<Void, any Error>)] = []
        var committing = false
        var insertedSincePrune = 0
    }

    /// Sessions are pruned once this many rows have been inserted since the last prune.
    static let pruneEvery = 512
    /// A session stays a day past its refresh token's expiry: the longest an access or ID token it
    /// issued can still be checked against it.
    static let retention: Double = 86_400

    private let store: CognitoStore
    private let pending = NIOLockedValueBox(Pending())

    init(store: CognitoStore) {
        self.store = store
    }

    /// Inserts `session`, returning once it is committed.
    /// - Throws: What the insert threw (a batch that fails is retried row by row, so one bad row fails alone).
    func insert(_ session: StoredSession) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let leads = pending.withLockedValue { pending in
                pending.rows.append((session, continuation))
                defer { pending.committing = true }
                return !pending.committing
            }
            // The first caller commits batches until none is left; later ones just wait for theirs.
            if leads { commitUntilDrained() }
        }
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
            let (batch, prune) = pending.withLockedValue { pending in
                defer { pending.rows = [] }
                if pending.rows.isEmpty { pending.committing = false }
                pending.insertedSincePrune += pending.rows.count
                let prune = pending.insertedSincePrune >= Self.pruneEvery
                if prune { pending.insertedSincePrune = 0 }
                return (pending.rows, prune)
            }
            if batch.isEmpty { return }
            do {
                try store.write { db in
                    for (row, _) in batch { try row.insert(db) }
                    if prune, let now = batch.map(\.0.created).max() { try Self.pruneExpired(before: now - Self.retention, db) }
                }
                for (_, continuation) in batch { continuation.resume() }
            } catch {
                for (row, continuation) in batch {
                    do {
                        try store.write { db in try row.insert(db) }
                        continuation.resume()
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
            }
        }
    }
}

import GRDB
import NIOConcurrencyHelpers

/// Commits the session rows of concurrent sign-ins together: one transaction, so one fsync, for all the
/// rows that arrived while the previous commit was on disk. Each caller resumes only once its own row
/// is committed, so a refresh token is never handed out before it would survive a crash.
final class GroupCommit: Sendable {
    private struct Pending {
        var rows: [(StoredSession, CheckedContinuation<Void, any Error>)] = []
        var committing = false
    }

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

    private func commitUntilDrained() {
        while true {
            let batch = pending.withLockedValue { pending in
                defer { pending.rows = [] }
                if pending.rows.isEmpty { pending.committing = false }
                return pending.rows
            }
            if batch.isEmpty { return }
            do {
                try store.write { db in for (row, _) in batch { try row.insert(db) } }
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

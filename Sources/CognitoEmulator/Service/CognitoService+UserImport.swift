import EmulatorCore
import EmulatorCrypto
import GRDB
import Logging

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// User import jobs: CreateUserImportJob hands out a pre-signed URL the emulator serves
/// (`PUT /_emulate/import/<jobId>?X-Amz-Signature=…`); StartUserImportJob imports the uploaded CSV as
/// Cognito does — every GetCSVHeader column present, users created `RESET_REQUIRED`, each row that
/// breaks a rule counted as failed and logged (Cognito logs them to CloudWatch).
/// See https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-using-import-tool.html
extension CognitoService {
    /// The largest file an upload may carry (Cognito's limit is 100 MB).
    public static let maximumImportFile = 100 << 20
    /// How long a pre-signed upload URL works.
    static let importURLValidity: Double = 900

    /// CreateUserImportJob.
    package func createUserImportJob(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let id = "import-" + Base64URL.encode(SecureRandom.bytes(9)).replacing("_", with: "0").replacing("-", with: "1")
        let token = Base64URL.encode(SecureRandom.bytes(24))
        let now = clock.now
        let url = "\(issuerBase)/_emulate/import/\(id)?X-Amz-Expires=\(Int(Self.importURLValidity))&X-Amz-Signature=\(token)"
        let job = JSONValue.object(
            [.init("JobName", request["JobName"] ?? .string(id)), .init("JobId", .string(id)), .init("UserPoolId", .string(pool.id))]
                + [.init("PreSignedUrl", .string(url)), .init("CreationDate", .double(now)), .init("Status", .string("Created"))]
                + Self.members(request, ["CloudWatchLogsRoleArn"])
                + [.init("ImportedUsers", .int(0)), .init("SkippedUsers", .int(0)), .init("FailedUsers", .int(0))]
        )
        try save(.importJob, id, poolID: pool.id, .object([.init("Job", job), .init("UploadToken", .string(token))]))
        return JSONDocument([("UserImportJob", job)])
    }

    /// A job as the API shows it: its upload URL on the port the emulator listens on now, so a job
    /// created before a restart on other ports (`--cognito-port 0`) can still be uploaded to.
    private func presented(_ job: JSONValue) -> JSONValue {
        guard let url = job["PreSignedUrl"]?.stringValue, let path = url.firstRange(of: "/_emulate/import/") else { return job }
        return Self.replacing(["PreSignedUrl": .string(issuerBase + url[path.lowerBound...])], in: job)
    }

    /// The upload to a job's pre-signed URL (what S3 would receive).
    /// - Throws: `AccessDenied`-like `NotAuthorizedException` for a wrong or expired signature.
    package func uploadImportFile(jobID: String, signature: String, contents: [UInt8]) throws(CognitoError) {
        guard let stored = try document(.importJob, jobID), let job = stored["Job"], let token = stored["UploadToken"]?.stringValue,
            Digest.constantTimeEquals(Array(token.utf8), Array(signature.utf8))
        else { throw .notAuthorized("The request signature we calculated does not match the signature you provided.") }
        guard clock.now <= (job["CreationDate"]?.numberValue ?? 0) + Self.importURLValidity else {
            throw .notAuthorized("Request has expired")
        }
        guard job["Status"]?.stringValue == "Created" else { throw .invalidParameter("The import job \(jobID) has already been started.") }
        try database { db in
            try CognitoStore.saveImportFile(jobID: jobID, contents: contents, db)
        }
    }

    /// StartUserImportJob: the job becomes `Pending` and runs in the background, in batches that let
    /// other requests through; DescribeUserImportJob shows its progress and outcome.
    package func startUserImportJob(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let (id, job) = try importJob(request, pool: pool)
        guard job["Status"]?.stringValue == "Created" else { throw .invalidParameter("The import job \(id) has already been started.") }
        guard !pool.configuration.autoVerifiedAttributes.isEmpty else {
            throw .preconditionNotMet("The user pool has no auto-verified attributes (AutoVerifiedAttributes); an import job cannot start.")
        }
        let started = Self.replacing(["Status": .string("Pending"), "StartDate": .double(clock.now)], in: job)
        try save(.importJob, id, poolID: pool.id, .object([.init("Job", started)]))
        Task { await self.runImportJob(id, pool: pool) }
        return JSONDocument([("UserImportJob", presented(started))])
    }

    /// DescribeUserImportJob.
    package func describeUserImportJob(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        JSONDocument([("UserImportJob", presented(try importJob(request, pool: try pool(request["UserPoolId"]?.stringValue)).1))])
    }

    /// StopUserImportJob: a job not started yet (or still running) stops.
    package func stopUserImportJob(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let (id, job) = try importJob(request, pool: pool)
        guard ["Created", "Pending", "InProgress"].contains(job["Status"]?.stringValue ?? "") else {
            throw .invalidParameter("The import job \(id) is \(job["Status"]?.stringValue ?? "finished") and cannot be stopped.")
        }
        let running = job["Status"]?.stringValue == "InProgress"
        let stopped = Self.replacing(
            running ? ["Status": .string("Stopping")] : ["Status": .string("Stopped"), "CompletionDate": .double(clock.now)],
            in: job
        )
        try save(.importJob, id, poolID: pool.id, .object([.init("Job", stopped)]))
        return JSONDocument([("UserImportJob", presented(stopped))])
    }

    /// ListUserImportJobs.
    package func listUserImportJobs(_ request: JSONDocument) throws(CognitoError) -> JSONDocument {
        let pool = try pool(request["UserPoolId"]?.stringValue)
        let jobs = try documents(.importJob, poolID: pool.id).compactMap { $0["Job"].map(presented) }
        let limit = request["MaxResults"]?.numberValue.map { Int($0) } ?? 60
        let start = try pageStart(request["PaginationToken"]?.stringValue, count: jobs.count)
        let end = min(start + limit, jobs.count)
        return JSONDocument(
            [("UserImportJobs", .array(Array(jobs[start..<end])))] + (end < jobs.count ? [("PaginationToken", .string(String(end)))] : [])
        )
    }

    // MARK: - The import

    /// Rows imported per write: small enough that other requests wait little between batches.
    static let importBatch = 500

    private func runImportJob(_ id: String, pool: LivePool) async {
        let finish = { (changes: [String: JSONValue]) in
            guard let job = try? self.document(.importJob, id)?["Job"] else { return }
            var all = changes
            if all["CompletionDate"] == nil { all["CompletionDate"] = .double(self.clock.now) }
            _ = try? self.save(.importJob, id, poolID: pool.id, .object([.init("Job", Self.replacing(all, in: job))]))
            _ = try? self.database { db in try CognitoStore.deleteImportFile(jobID: id, db) }
        }
        let contents = try? database(
            { db in try CognitoStore.importFile(jobID: id, db) },
            write: false
        )
        let parsed = Self.parseImport(contents.flatMap { $0 }.map { [UInt8]($0) }, pool: pool)
        guard case .success(let (header, rows)) = parsed else {
            if case .failure(let reason) = parsed { finish(["Status": .string("Failed"), "CompletionMessage": .string(reason.message)]) }
            return
        }
        // A job an earlier run left unfinished goes on after the last batch it committed.
        let stored = try? document(.importJob, id)
        var imported = stored?["Job"]?["ImportedUsers"]?.numberValue.map { Int($0) } ?? 0
        var failed = stored?["Job"]?["FailedUsers"]?.numberValue.map { Int($0) } ?? 0
        let firstRow = stored?["NextRow"]?.numberValue.map { Int($0) } ?? 0
        var errors: [String] = []
        let now = clock.now
        for start in stride(from: firstRow, to: rows.count, by: Self.importBatch) {
            guard let job = try? document(.importJob, id)?["Job"], ["Pending", "InProgress"].contains(job["Status"]?.stringValue ?? "") else {
                finish(["Status": .string("Stopped"), "ImportedUsers": .int(imported), "FailedUsers": .int(failed)])
                return
            }
            let batch = rows[start..<min(start + Self.importBatch, rows.count)]
            do {
                try store.write { db in
                    for (offset, record) in batch.enumerated() {
                        do throws(CognitoError) {
                            let row = Dictionary(zip(header, record), uniquingKeysWith: { first, _ in first })
                            let user = try importedUser(row, count: record.count, columns: header.count, pool: pool, now: now)
                            do {
                                try insertNew(user, pool: pool, existing: "User account already exists", db)
                            } catch let error as CognitoError {
                                throw error
                            } catch {
                                throw CognitoError.internalError("\(error)")
                            }
                            imported += 1
                        } catch {
                            failed += 1
                            if errors.count < 20 { errors.append("line \(start + offset + 2): \(error.type): \(error.message)") }
                        }
                    }
                    // The progress commits with the batch: after a crash the job resumes exactly after it.
                    let progress = Self.replacing(
                        ["Status": .string("InProgress"), "ImportedUsers": .int(imported), "FailedUsers": .int(failed)],
                        in: job
                    )
                    let saved = JSONValue.object([.init("Job", progress), .init("NextRow", .int(start + batch.count))])
                    try Self.save(.importJob, id, poolID: pool.id, saved, now: clock.now, db)
                }
            } catch {
                finish(["Status": .string("Failed"), "CompletionMessage": .string("The import could not be written: \(error)")])
                return
            }
            await Task.yield()
        }
        var message = "Import Job Completed Successfully."
        if failed > 0 {
            message = "Import Job Completed with \(failed) failed user(s): \(errors.joined(separator: "; "))"
            logger.warning("user import \(id) in \(pool.id): \(LogText.escaped(message))")
        }
        finish([
            "Status": .string("Succeeded"), "ImportedUsers": .int(imported), "FailedUsers": .int(failed), "SkippedUsers": .int(0),
            "CompletionMessage": .string(message),
        ])
    }

    /// Goes on with the import jobs an earlier run left `Pending` or `InProgress` (it was stopped or
    /// killed mid-import) from the last batch they committed, and stops those left `Stopping`.
    func resumeImportJobs() {
        let stored =
            (try? database({ db in try StoredDocument.filter(Column("kind") == DocumentKind.importJob.rawValue).fetchAll(db) }, write: false)) ?? []
        for document in stored {
            let status = JSONValue.parse(Array(document.document.utf8))?["Job"]?["Status"]?.stringValue ?? ""
            guard ["Pending", "InProgress", "Stopping"].contains(status), let pool = try? pool(document.poolId) else { continue }
            logger.notice("user import \(document.key) in \(document.poolId), left \(status) by the last run, goes on")
            Task { await self.runImportJob(document.key, pool: pool) }
        }
    }

    /// Why a file cannot be imported at all.
    private struct ImportRefusal: Error {
        var message: String
    }

    /// The header and rows of an uploaded file, or why the job fails as a whole.
    private static func parseImport(_ contents: [UInt8]?, pool: LivePool) -> Result<([String], [[String]]), ImportRefusal> {
        guard let contents else { return .failure(.init(message: "No file was uploaded to the job's pre-signed URL.")) }
        guard let text = String(validating: contents, as: UTF8.self) else { return .failure(.init(message: "The file is not UTF-8 text.")) }
        let records: [[String]]
        do {
            records = try CSVReader.records(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        } catch {
            return .failure(.init(message: "The file is not valid CSV: line \(error.line): \(error.reason)."))
        }
        guard let header = records.first else { return .failure(.init(message: "The file is empty.")) }
        let expected = csvColumns(of: pool)
        let missing = expected.filter { !header.contains($0) }
        let unknown = header.filter { !expected.contains($0) }
        var problems: [String] = []
        if !missing.isEmpty { problems.append("missing columns: " + missing.joined(separator: ", ")) }
        if !unknown.isEmpty { problems.append("unknown columns: " + unknown.joined(separator: ", ")) }
        if Set(header).count != header.count { problems.append("a column appears twice") }
        guard problems.isEmpty else {
            return .failure(.init(message: "The CSV header does not match the user pool: \(problems.joined(separator: "; "))."))
        }
        return .success((header, Array(records.dropFirst())))
    }

    /// The columns of a pool's import file, as GetCSVHeader lists them.
    static func csvColumns(of pool: LivePool) -> [String] {
        pool.configuration.schema.filter { $0.Name != "sub" && !$0.DeveloperOnlyAttribute }.map(\.Name) + ["cognito:mfa_enabled", "cognito:username"]
    }

    /// The user one CSV record describes, checked against the pool's rules for imported users.
    private func importedUser(_ row: [String: String], count: Int, columns: Int, pool: LivePool, now: Double) throws(CognitoError) -> StoredUser {
        guard count == columns else { throw .invalidParameter("The row has \(count) fields; the header has \(columns).") }
        guard let username = row["cognito:username"], !username.isEmpty, username.utf16.count <= 128,
            username.unicodeScalars.allSatisfy({ !$0.properties.isWhitespace && $0.properties.generalCategory != .control })
        else { throw .invalidParameter("cognito:username is missing or not a valid username.") }
        guard let mfa = row["cognito:mfa_enabled"], ["true", "false"].contains(mfa.lowercased()) else {
            throw .invalidParameter("cognito:mfa_enabled must be true or false.")
        }
        let attributes = row.filter { !$0.key.hasPrefix("cognito:") && !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { column in
            // Booleans are read case-insensitively (`TRUE`), as spreadsheets write them.
            let boolean = pool.configuration.attribute(column.key)?.AttributeDataType == "Boolean"
            return AttributeType(Name: column.key, Value: boolean ? column.value.lowercased() : column.value)
        }
        let verified = { (name: String) in row[name]?.lowercased() == "true" }
        let autoVerified = pool.configuration.autoVerifiedAttributes
        guard autoVerified.contains(where: { verified("\($0)_verified") }) else {
            throw .invalidParameter(
                "At least one auto-verified attribute (\(autoVerified.joined(separator: ", "))) must be verified (…_verified true)."
            )
        }
        if verified("email_verified"), (row["email"] ?? "").isEmpty { throw .invalidParameter("email_verified is true but email is empty.") }
        if verified("phone_number_verified"), (row["phone_number"] ?? "").isEmpty {
            throw .invalidParameter("phone_number_verified is true but phone_number is empty.")
        }
        try validate(attributes, in: pool, requireRequired: true)
        let sub = SecureRandom.uuidString()
        let (name, implied) = try newUsername(username, attributes: attributes, pool: pool, sub: sub)
        var user = StoredUser(newIn: pool.id, username: name, sub: sub, status: .resetRequired, at: now)
        apply(implied + attributes, to: &user)
        if mfa.lowercased() == "true" {
            guard user.phoneNumber != nil else { throw .invalidParameter("cognito:mfa_enabled is true but phone_number is empty.") }
            user.mfaSMS = true
        }
        return user
    }

    private func importJob(_ request: JSONDocument, pool: LivePool) throws(CognitoError) -> (String, JSONValue) {
        let id = request["JobId"]?.stringValue ?? ""
        guard let stored = try document(.importJob, id), let job = stored["Job"], job["UserPoolId"]?.stringValue == pool.id else {
            throw .resourceNotFound("Import job \(id) does not exist.")
        }
        return (id, job)
    }

    private static func replacing(_ changes: [String: JSONValue], in job: JSONValue) -> JSONValue {
        var members = (job.members ?? []).map { member in changes[member.key].map { JSONValue.Member(member.key, $0) } ?? member }
        for (key, value) in changes.sorted(by: { $0.key < $1.key }) where !members.contains(where: { $0.key == key }) {
            members.append(.init(key, value))
        }
        return .object(members)
    }
}

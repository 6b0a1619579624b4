public import CognitoEmulator
public import EmulatorCore
import Foundation
import YAML

/// The pools, clients, groups and users `emulate cognito --seed FILE` creates at start, written in
/// AWS's own member names (each pool a CreateUserPool request; its `Clients` CreateUserPoolClient
/// requests, `Groups` CreateGroup requests, `Users` AdminCreateUser's `Username` and `UserAttributes`
/// with a permanent `Password` and `Groups`). YAML or JSON.
///
/// Seeded pools are the configuration of `emulate cognito`: their IDs derive from their names (the
/// same file gives the same IDs), they are rebuilt from the file at every start, and seeded users
/// are created `CONFIRMED` when they do not exist yet.
public struct CognitoSeed: Sendable {
    /// One seeded user.
    public struct User: Sendable {
        /// `Username`.
        public var username: String
        /// A permanent password; nil leaves the user without one (`FORCE_CHANGE_PASSWORD` is not used).
        public var password: String?
        /// `UserAttributes`.
        public var attributes: [AttributeType]
        /// Groups to add the user to.
        public var groups: [String]
    }

    /// One seeded pool.
    public struct Pool: Sendable {
        /// `PoolName`.
        public var name: String
        /// The CreateUserPool members (without `Clients`, `Groups`, `Users`).
        public var definition: JSONValue
        /// CreateUserPoolClient requests.
        public var clients: [JSONValue]
        /// CreateGroup requests.
        public var groups: [JSONValue]
        /// The users.
        public var users: [User]
    }

    /// The pools, in file order.
    public var pools: [Pool]

    /// Reads a seed file.
    /// - Throws: ``EmulatorError`` naming the file and what is wrong.
    public static func load(path: String) throws(EmulatorError) -> CognitoSeed {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw EmulatorError("cannot read the seed file \(path)")
        }
        return try parse(text, path: path)
    }

    /// Reads seed text (YAML or JSON).
    public static func parse(_ text: String, path: String = "seed") throws(EmulatorError) -> CognitoSeed {
        let root: YAMLNode?
        do {
            root = try YAMLParser().parse(text, source: path)
        } catch {
            throw EmulatorError("\(path): \(error)")
        }
        guard let document = root.map(json), case .array(let items)? = document["UserPools"] else {
            throw EmulatorError("\(path): expected a UserPools list at the top")
        }
        var pools: [Pool] = []
        for (index, item) in items.enumerated() {
            guard case .object(let members) = item, let name = item["PoolName"]?.stringValue else {
                throw EmulatorError("\(path): UserPools item \(index + 1) needs PoolName")
            }
            guard !pools.contains(where: { $0.name == name }) else { throw EmulatorError("\(path): two pools are named \(name)") }
            var users: [User] = []
            for user in item["Users"].flatMap(\.arrayValue) ?? [] {
                guard let username = user["Username"]?.stringValue else { throw EmulatorError("\(path): a user of pool \(name) needs Username") }
                users.append(
                    User(
                        username: username,
                        password: user["Password"]?.stringValue,
                        attributes: (user["UserAttributes"].flatMap(\.arrayValue) ?? []).compactMap { attribute in
                            attribute["Name"]?.stringValue.map { AttributeType(Name: $0, Value: attribute["Value"]?.stringValue) }
                        },
                        groups: (user["Groups"].flatMap(\.arrayValue) ?? []).compactMap(\.stringValue)
                    )
                )
            }
            pools.append(
                Pool(
                    name: name,
                    definition: .object(members.filter { !["Clients", "Groups", "Users"].contains($0.key) }),
                    clients: item["Clients"].flatMap(\.arrayValue) ?? [],
                    groups: item["Groups"].flatMap(\.arrayValue) ?? [],
                    users: users
                )
            )
        }
        return CognitoSeed(pools: pools)
    }

    /// The pools, clients and groups as a configuration (their IDs stable for the same names).
    /// - Throws: ``EmulatorError`` with Cognito's reason when a pool or client would be refused.
    public func configuration(region: String, accountID: String) throws(EmulatorError) -> CognitoConfiguration {
        var configuration = CognitoConfiguration(service: "emulate-cognito", stage: "seed", region: region, accountID: accountID)
        for pool in pools {
            do throws(CognitoError) {
                configuration.pools.append(try UserPoolConfiguration(definition: pool.definition, logicalID: pool.name))
            } catch {
                throw EmulatorError("seed pool \(pool.name): \(error.message)")
            }
            for client in pool.clients {
                guard let clientName = client["ClientName"]?.stringValue else {
                    throw EmulatorError("seed pool \(pool.name): a client needs ClientName")
                }
                do throws(CognitoError) {
                    configuration.clients.append(
                        try UserPoolClientConfiguration(definition: client, logicalID: "\(pool.name)/\(clientName)", poolLogicalID: pool.name)
                    )
                } catch {
                    throw EmulatorError("seed client \(clientName) of pool \(pool.name): \(error.message)")
                }
            }
            for group in pool.groups {
                guard let groupName = group["GroupName"]?.stringValue else { throw EmulatorError("seed pool \(pool.name): a group needs GroupName") }
                configuration.groups.append(
                    UserPoolGroupConfiguration(
                        logicalID: "\(pool.name)/\(groupName)",
                        poolLogicalID: pool.name,
                        name: groupName,
                        description: group["Description"]?.stringValue,
                        precedence: group["Precedence"]?.numberValue.map { Int($0) },
                        roleARN: group["RoleArn"]?.stringValue
                    )
                )
            }
        }
        return configuration
    }

    /// Creates the seeded users that do not exist yet, `CONFIRMED` with their password, in their groups.
    /// - Throws: ``EmulatorError`` with Cognito's reason for the first user it cannot create.
    public func createUsers(in cognito: CognitoService, configuration: CognitoConfiguration) async throws(EmulatorError) {
        for pool in pools {
            let poolID = configuration.poolID(forLogicalID: pool.name)
            for user in pool.users {
                do {
                    if (try? await CognitoOperations.users.adminGetUser.call(
                        AdminGetUserRequest(UserPoolId: poolID, Username: user.username),
                        on: cognito
                    )) != nil {
                        continue
                    }
                    var create = AdminCreateUserRequest(UserPoolId: poolID, Username: user.username)
                    create.UserAttributes = user.attributes
                    create.MessageAction = "SUPPRESS"
                    _ = try await CognitoOperations.users.adminCreateUser.call(create, on: cognito)
                    if let password = user.password {
                        _ = try await CognitoOperations.users.adminSetUserPassword.call(
                            AdminSetUserPasswordRequest(UserPoolId: poolID, Username: user.username, Password: password, Permanent: true),
                            on: cognito
                        )
                    }
                    for group in user.groups {
                        let membership = AdminAddUserToGroupRequest(UserPoolId: poolID, Username: user.username, GroupName: group)
                        _ = try await CognitoOperations.groups.adminAddUserToGroup.call(membership, on: cognito)
                    }
                } catch {
                    throw EmulatorError("seed user \(user.username) of pool \(pool.name): \(error.type): \(error.message)")
                }
            }
        }
    }

    /// A YAML tree as JSON, scalars typed by YAML's core schema.
    private static func json(_ node: YAMLNode) -> JSONValue {
        switch node.content {
        case .scalar(let text, let style):
            switch ScalarValue.resolve(text, style: style, tag: node.tag) {
            case .null: return .null
            case .bool(let flag): return .bool(flag)
            case .int(let number): return .int(number)
            case .double(let number): return .double(number)
            case .string(let string): return .string(string)
            }
        case .sequence(let items): return .array(items.map(json))
        case .mapping(let pairs):
            return .object(
                pairs.map { pair in
                    let key: String
                    if case .scalar(let text, _) = pair.key.content { key = text } else { key = "" }
                    return .init(key, json(pair.value))
                }
            )
        }
    }
}

extension JSONValue {
    /// An array's items; nil for other values.
    var arrayValue: [JSONValue]? {
        guard case .array(let items) = self else { return nil }
        return items
    }
}

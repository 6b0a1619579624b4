import COpenSSL

/// Initialises libcrypto once, before its first use, without its exit-time cleanup: a process that
/// exits while another thread still works with a key (a signing key generated in the background,
/// say) would otherwise have the library torn down under that thread and crash on the way out.
enum OpenSSLRuntime {
    private static let initialised: Void = {
        _ = OPENSSL_init_crypto(UInt64(OPENSSL_INIT_NO_ATEXIT), nil)
    }()

    /// Call at every entry point that is the first to touch libcrypto.
    @inline(__always) static func prepare() { _ = initialised }
}

using OrderManagement.BuildingBlocks.Web.ApiKeys;

namespace OrderManagement.BuildingBlocks.Tests.Web;

public sealed class ApiKeyStoreTests
{
    [Fact]
    public void Given_a_plain_key_and_plain_keys_allowed_When_the_key_is_presented_Then_its_name_and_role_are_found()
    {
        var store = new ApiKeyStore(Options(new ApiKeyEntry { Name = "shop", Role = Roles.Storefront, Key = "plain-secret" }), allowPlainKeys: true);

        var found = store.Find("plain-secret");

        found.ShouldBe(("shop", Roles.Storefront));
    }

    [Fact]
    public void Given_a_plain_key_and_plain_keys_not_allowed_When_the_store_is_built_Then_it_refuses_the_key()
    {
        var options = Options(new ApiKeyEntry { Name = "shop", Role = Roles.Storefront, Key = "plain-secret" });

        var error = Should.Throw<InvalidOperationException>(() => new ApiKeyStore(options, allowPlainKeys: false));

        error.Message.ShouldContain("'shop' has no KeyHash");
    }

    [Fact]
    public void Given_a_sha256_key_hash_When_the_matching_key_is_presented_Then_its_name_and_role_are_found()
    {
        var hash = ApiKeyStore.HashForConfiguration("hashed-secret");
        var store = new ApiKeyStore(Options(new ApiKeyEntry { Name = "ops", Role = Roles.Operator, KeyHash = hash }), allowPlainKeys: false);

        var found = store.Find("hashed-secret");

        found.ShouldBe(("ops", Roles.Operator));
    }

    [Fact]
    public void Given_a_key_hash_When_hashed_for_configuration_Then_it_is_sha256_prefixed_lowercase_hex()
    {
        var hash = ApiKeyStore.HashForConfiguration("abc");

        hash.ShouldBe("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    [Fact]
    public void Given_an_uppercase_hex_key_hash_When_the_matching_key_is_presented_Then_it_is_found()
    {
        var hash = "sha256:" + ApiKeyStore.HashForConfiguration("hashed-secret")["sha256:".Length..].ToUpperInvariant();
        var store = new ApiKeyStore(Options(new ApiKeyEntry { Name = "ops", Role = Roles.Operator, KeyHash = hash }), allowPlainKeys: false);

        store.Find("hashed-secret").ShouldBe(("ops", Roles.Operator));
    }

    [Theory]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("sha256:ba7816bf")]
    [InlineData("md5:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void Given_a_malformed_key_hash_When_the_store_is_built_Then_it_is_rejected(string keyHash)
    {
        var options = Options(new ApiKeyEntry { Name = "ops", Role = Roles.Operator, KeyHash = keyHash });

        var error = Should.Throw<InvalidOperationException>(() => new ApiKeyStore(options, allowPlainKeys: true));

        error.Message.ShouldContain("KeyHash must be 'sha256:' followed by 64 hex digits");
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("Operator")]
    [InlineData("")]
    public void Given_an_unknown_role_name_When_the_store_is_built_Then_it_is_rejected(string role)
    {
        var options = Options(new ApiKeyEntry { Name = "shop", Role = role, KeyHash = ApiKeyStore.HashForConfiguration("k") });

        var error = Should.Throw<InvalidOperationException>(() => new ApiKeyStore(options, allowPlainKeys: false));

        error.Message.ShouldBe($"API key 'shop' has role '{role}'; use 'storefront' or 'operator'.");
    }

    [Theory]
    [InlineData("unknown-secret")]
    [InlineData("")]
    [InlineData("Plain-Secret")]
    public void Given_configured_keys_When_an_unknown_key_is_presented_Then_nothing_is_found(string presented)
    {
        var store = new ApiKeyStore(Options(
            new ApiKeyEntry { Name = "shop", Role = Roles.Storefront, Key = "plain-secret" },
            new ApiKeyEntry { Name = "ops", Role = Roles.Operator, KeyHash = ApiKeyStore.HashForConfiguration("hashed-secret") }),
            allowPlainKeys: true);

        store.Find(presented).ShouldBeNull();
    }

    [Fact]
    public void Given_the_hash_itself_When_it_is_presented_as_a_key_Then_nothing_is_found()
    {
        var hash = ApiKeyStore.HashForConfiguration("hashed-secret");
        var store = new ApiKeyStore(Options(new ApiKeyEntry { Name = "ops", Role = Roles.Operator, KeyHash = hash }), allowPlainKeys: false);

        store.Find(hash).ShouldBeNull();
    }

    [Fact]
    public void Given_a_key_When_the_configuration_replaces_it_changes_its_role_or_drops_its_name_Then_its_security_stamp_changes()
    {
        var stamp = new ApiKeyStore(Options(new ApiKeyEntry { Name = "ops", Role = Roles.Operator, Key = "first" }), allowPlainKeys: true).SecurityStamp("ops");

        stamp.ShouldNotBeNull();
        new ApiKeyStore(Options(new ApiKeyEntry { Name = "ops", Role = Roles.Operator, Key = "first" }), allowPlainKeys: true).SecurityStamp("ops").ShouldBe(stamp);
        new ApiKeyStore(Options(new ApiKeyEntry { Name = "ops", Role = Roles.Operator, Key = "second" }), allowPlainKeys: true).SecurityStamp("ops").ShouldNotBe(stamp);
        new ApiKeyStore(Options(new ApiKeyEntry { Name = "ops", Role = Roles.Storefront, Key = "first" }), allowPlainKeys: true).SecurityStamp("ops").ShouldNotBe(stamp);
        new ApiKeyStore(Options(new ApiKeyEntry { Name = "other", Role = Roles.Operator, Key = "first" }), allowPlainKeys: true).SecurityStamp("ops").ShouldBeNull();
    }

    private static ApiKeyOptions Options(params ApiKeyEntry[] entries) => new() { ApiKeys = [.. entries] };
}

using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.WebEncoders;
using OrderManagement.BuildingBlocks.Web;
using OrderManagement.BuildingBlocks.Web.ApiKeys;

namespace OrderManagement.Host.Console;

// The operations console under /ops: server-rendered Razor Pages behind an operator session cookie.
internal static class ConsoleRegistration
{
    public const string SessionScheme = "OperatorSession";
    public const string Policy = "Operator console";
    public const string PathBase = "/ops";

    public static IServiceCollection AddOperationsConsole(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Console/Pages";
            options.Conventions.AuthorizeFolder("/", Policy);
            options.Conventions.AllowAnonymousToPage("/SignIn");
            options.Conventions.ConfigureFilter(new AntiforgeryRefusal());
            options.Conventions.ConfigureFilter(new UnknownHandlerRefusal());
            options.Conventions.ConfigureFilter(new UnreadableQueryRefusal());
        });

        // Razor escapes everything outside Basic Latin by default; names, addresses and arrows are shown as written
        // (still HTML-encoded where it matters: <, >, &, quotes).
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAuthentication().AddCookie(SessionScheme, options =>
        {
            options.Cookie.Name = "om_ops_session";
            options.Cookie.Path = PathBase;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = PathBase + "/sign-in";
            options.LogoutPath = PathBase + "/sign-out";
            options.AccessDeniedPath = PathBase + "/sign-in";
            options.EventsType = typeof(OperatorSessionEvents);
        });
        services.AddScoped<OperatorSessionEvents>();
        services.AddSingleton<IRefusalPages, ConsoleRefusalPage>();
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(SessionScheme)
            .RequireRole(Roles.Operator));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "om_ops_antiforgery";
            options.Cookie.Path = PathBase;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__RequestVerificationToken";
        });
        return services;
    }

    public static WebApplication MapOperationsConsole(this WebApplication app)
    {
        app.UseMiddleware<ConsoleFormGuard>();
        app.MapRazorPages();
        app.MapFavicon();
        return app;
    }
}

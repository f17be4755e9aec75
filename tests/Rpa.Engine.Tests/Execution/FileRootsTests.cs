using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Engine.Tests.Execution;

public sealed class FileRootsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rpa-roots-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("rpa-outside-").FullName;

    [Fact]
    public void A_path_inside_a_root_is_allowed_and_the_root_itself_too()
    {
        var inside = Path.Combine(_root, "sub", "file.csv");

        FileRoots.Ensure([_root], "sub/file.csv", inside, "read");
        FileRoots.Ensure([_root], ".", _root, "read");
    }

    [Fact]
    public void Traversal_out_of_the_root_is_refused_naming_the_activity_the_path_and_the_roots()
    {
        var given = "../" + Path.GetFileName(_outside) + "/secret.txt";
        var full = Path.GetFullPath(given, _root);

        var refuse = () => FileRoots.Ensure([_root], given, full, "read-secret");

        refuse.Should().Throw<ActivityException>()
            .WithMessage($"*'{given}'*'read-secret'*{full}*outside the folders*{_root}*Rpa:Security:FileRoots*");
    }

    [Fact]
    public void An_absolute_path_elsewhere_and_a_sibling_folder_with_the_same_prefix_are_refused()
    {
        var refuseAbsolute = () => FileRoots.Ensure([_root], "/etc/passwd", "/etc/passwd", "read");
        var refuseSibling = () => FileRoots.Ensure([_root], _root + "-evil/x", _root + "-evil/x", "read");

        refuseAbsolute.Should().Throw<ActivityException>();
        refuseSibling.Should().Throw<ActivityException>();
    }

    [Fact]
    public void A_symbolic_link_inside_the_root_that_leads_outside_is_refused_and_one_that_stays_inside_is_allowed()
    {
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "x");
        Directory.CreateDirectory(Path.Combine(_root, "data"));
        File.WriteAllText(Path.Combine(_root, "data", "ok.txt"), "x");
        Directory.CreateSymbolicLink(Path.Combine(_root, "escape"), _outside);
        File.CreateSymbolicLink(Path.Combine(_root, "secret-link.txt"), Path.Combine(_outside, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "stay"), Path.Combine(_root, "data"));

        var viaFolder = () => FileRoots.Ensure([_root], "escape/secret.txt", Path.Combine(_root, "escape", "secret.txt"), "read");
        var viaFile = () => FileRoots.Ensure([_root], "secret-link.txt", Path.Combine(_root, "secret-link.txt"), "read");
        var newFileViaFolder = () => FileRoots.Ensure([_root], "escape/new.txt", Path.Combine(_root, "escape", "new.txt"), "write");

        viaFolder.Should().Throw<ActivityException>().WithMessage("*through a symbolic link*");
        viaFile.Should().Throw<ActivityException>().WithMessage("*through a symbolic link*");
        newFileViaFolder.Should().Throw<ActivityException>();
        FileRoots.Ensure([_root], "stay/ok.txt", Path.Combine(_root, "stay", "ok.txt"), "read");
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }
}

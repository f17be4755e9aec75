using Rpa.Engine.Activities;

namespace Rpa.Activities.Payroll;

/// <summary>Payroll files: written in one step (<see cref="AtomicFile"/>), and the rules file read with errors an activity reports.</summary>
internal static class PayrollFiles
{
    public static void WriteAtomically(string path, string given, Action<Stream> write) => AtomicFile.Write(path, given, write);

    public static Payroll.PayrollRules ReadRules(string resolved, string given)
    {
        try
        {
            return PayrollRulesReader.ReadFile(resolved, given);
        }
        catch (PayrollRulesException e)
        {
            throw new ActivityException(e.Message, e);
        }
    }
}

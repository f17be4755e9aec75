namespace Rpa.Engine.Activities;

/// <summary>
/// The data breaks a business rule (an invoice over its limit, an unknown customer): trying again cannot help.
/// The run's <see cref="Journal.ActivityError.IsBusinessError"/> is true, so a work-queue item fails without a retry.
/// </summary>
public sealed class BusinessException(string message) : ActivityException(message);

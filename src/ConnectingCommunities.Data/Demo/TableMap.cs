using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ConnectingCommunities.Data.Demo;

/// <summary>
/// How an entity is stored, read from the EF Core model rather than written out by hand: the table,
/// its columns in model order, and compiled accessors that turn a property into the value the
/// database stores (enums as names, instants as ticks on SQLite, ...). A column added to the
/// model is loaded without changing this code.
/// </summary>
internal sealed class TableMap<T>
    where T : class
{
    private static readonly MethodInfo WriteMethod = typeof(NpgsqlBinaryImporter).GetMethods()
        .Single(m => m.Name == nameof(NpgsqlBinaryImporter.Write) && m.IsGenericMethodDefinition
            && m.GetParameters() is [_, { ParameterType: var type }] && type == typeof(NpgsqlDbType));

    private static readonly MethodInfo WriteNullMethod = typeof(NpgsqlBinaryImporter).GetMethod(nameof(NpgsqlBinaryImporter.WriteNull), Type.EmptyTypes)!;

    private TableMap(string table, string? schema, IReadOnlyList<Column> columns)
    {
        Table = table;
        Schema = schema;
        Columns = columns;
    }

    public string Table { get; }

    public string? Schema { get; }

    public IReadOnlyList<Column> Columns { get; }

    /// <summary>The table name quoted for SQL, with its schema when it has one.</summary>
    public string QuotedTable => Schema is null ? SqlName.Quote(Table) : $"{SqlName.Quote(Schema)}.{SqlName.Quote(Table)}";

    public static TableMap<T> For(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var entity = model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the database model.");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => new Column(p.GetColumnName(store) ?? p.GetColumnName(), p, (RelationalTypeMapping)p.GetTypeMapping()))
            .ToList();
        return new TableMap<T>(table, entity.GetSchema(), columns);
    }

    /// <summary>Compiles a writer of one row's values for PostgreSQL's binary COPY, in column order.</summary>
    public Action<NpgsqlBinaryImporter, T> CompilePostgresWriter()
    {
        var importer = Expression.Parameter(typeof(NpgsqlBinaryImporter), "importer");
        var row = Expression.Parameter(typeof(T), "row");
        var body = Columns.Select(c => WriteColumn(importer, row, c)).ToList();
        return Expression.Lambda<Action<NpgsqlBinaryImporter, T>>(Expression.Block(body), importer, row).Compile();
    }

    /// <summary>Compiles, per column, a function giving the value to bind as a parameter (null for NULL).</summary>
    public Func<T, object?>[] CompileProviderValues() => Columns.Select(column =>
    {
        var row = Expression.Parameter(typeof(T), "row");
        var (value, isNull) = ProviderValue(row, column);
        Expression boxed = Expression.Convert(value, typeof(object));
        if (isNull is not null)
        {
            boxed = Expression.Condition(isNull, Expression.Constant(null, typeof(object)), boxed);
        }

        return Expression.Lambda<Func<T, object?>>(boxed, row).Compile();
    }).ToArray();

    private static Expression WriteColumn(ParameterExpression importer, ParameterExpression row, Column column)
    {
        var (value, isNull) = ProviderValue(row, column);
        var write = Expression.Call(importer, WriteMethod.MakeGenericMethod(value.Type), value, Expression.Constant(PostgresTypeOf(value.Type, column)));
        return isNull is null
            ? write
            : Expression.IfThenElse(isNull, Expression.Call(importer, WriteNullMethod), write);
    }

    /// <summary>
    /// The stored value of a column as an expression over the row: the property, unwrapped from
    /// Nullable, through the column's value converter; and a test for NULL, or null when the
    /// property cannot be null.
    /// </summary>
    private static (Expression Value, Expression? IsNull) ProviderValue(ParameterExpression row, Column column)
    {
        var info = column.Property.PropertyInfo
            ?? throw new NotSupportedException($"{typeof(T).Name}.{column.Property.Name} has no CLR property to read.");
        Expression value = Expression.Property(row, info);
        Expression? isNull = null;
        if (Nullable.GetUnderlyingType(info.PropertyType) is not null)
        {
            isNull = Expression.Not(Expression.Property(value, nameof(Nullable<int>.HasValue)));
            value = Expression.Property(value, nameof(Nullable<int>.Value));
        }
        else if (!info.PropertyType.IsValueType)
        {
            isNull = Expression.Equal(value, Expression.Constant(null, info.PropertyType));
        }

        var converter = column.Property.GetValueConverter() ?? column.Mapping.Converter;
        if (converter is not null)
        {
            var convert = converter.ConvertToProviderExpression;
            var input = value.Type == convert.Parameters[0].Type ? value : Expression.Convert(value, convert.Parameters[0].Type);
            value = Expression.Invoke(convert, input);
            if (Nullable.GetUnderlyingType(value.Type) is not null)
            {
                value = Expression.Property(value, nameof(Nullable<int>.Value));
            }
        }

        // Lists (EF primitive collections) that reach here without a converter are PostgreSQL arrays: COPY writes them as arrays.
        if (value.Type.IsGenericType && value.Type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var element = value.Type.GetGenericArguments()[0];
            value = Expression.Call(typeof(Enumerable), nameof(Enumerable.ToArray), [element], value);
        }

        return (value, isNull);
    }

    private static NpgsqlDbType PostgresTypeOf(Type providerType, Column column) => providerType switch
    {
        _ when providerType == typeof(string) => NpgsqlDbType.Text,
        _ when providerType == typeof(Guid) => NpgsqlDbType.Uuid,
        _ when providerType == typeof(DateOnly) => NpgsqlDbType.Date,
        _ when providerType == typeof(DateTimeOffset) => NpgsqlDbType.TimestampTz,
        _ when providerType == typeof(decimal) => NpgsqlDbType.Numeric,
        _ when providerType == typeof(int) => NpgsqlDbType.Integer,
        _ when providerType == typeof(long) => NpgsqlDbType.Bigint,
        _ when providerType == typeof(short) => NpgsqlDbType.Smallint,
        _ when providerType == typeof(bool) => NpgsqlDbType.Boolean,
        _ when providerType == typeof(double) => NpgsqlDbType.Double,
        _ when providerType == typeof(byte[]) => NpgsqlDbType.Bytea,
        _ when providerType == typeof(TimeOnly) => NpgsqlDbType.Time,
        _ when providerType == typeof(string[]) => NpgsqlDbType.Array | NpgsqlDbType.Text,
        _ when providerType == typeof(int[]) => NpgsqlDbType.Array | NpgsqlDbType.Integer,
        _ => throw new NotSupportedException($"The bulk loader cannot write {providerType.Name} to {typeof(T).Name}.{column.Property.Name} ({column.Mapping.StoreType})."),
    };

    /// <summary>A column: its name, the property it stores and how EF maps it.</summary>
    internal sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping);
}

/// <summary>Identifiers in SQL text.</summary>
internal static class SqlName
{
    /// <summary>A table, column or index name in double quotes, as both databases read it.</summary>
    public static string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

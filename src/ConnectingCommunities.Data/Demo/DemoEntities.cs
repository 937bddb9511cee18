using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace ConnectingCommunities.Data.Demo;

/// <summary>
/// Makes entities for the generator without running their constructors. Every entity's
/// constructor draws a fresh UUIDv7, which asks the operating system for random bytes (about
/// 1.5 µs each on our machines); the generator replaces the id with a deterministic one anyway, and
/// at about twenty records a participant those draws alone would cap loading near 30,000
/// participants a second. The defaults the constructors set (status Active, empty strings and
/// lists, ...) are copied from one instance made the ordinary way, so nothing else changes.
/// </summary>
internal static class DemoEntities
{
    public static T New<T>()
        where T : class => Defaults<T>.Create();

    private static class Defaults<T>
        where T : class
    {
        private static readonly List<FieldInfo> ReadOnlyLists = [];
        private static readonly Action<T> Apply = CompileDefaults();

        public static T Create()
        {
            var item = (T)RuntimeHelpers.GetUninitializedObject(typeof(T));
            Apply(item);
            foreach (var field in ReadOnlyLists)
            {
                // Expressions cannot assign a read-only field; reflection can (e.g. the list behind ParticipantBarrier.Reviews).
                field.SetValue(item, Activator.CreateInstance(field.FieldType));
            }

            return item;
        }

        /// <summary>
        /// Copies each field's value from a prototype: immutable values are shared, a collection gets
        /// an empty one of its own. A field of any other mutable type would be shared, so it is refused.
        /// </summary>
        private static Action<T> CompileDefaults()
        {
            // The ordinary constructor, once: "required" members are a compile-time promise that this code keeps by setting them.
            var prototype = Activator.CreateInstance<T>();
            var target = Expression.Parameter(typeof(T), "item");
            var assignments = new List<Expression>();
            for (var type = typeof(T); type is not null && type != typeof(object); type = type.BaseType)
            {
                foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    var value = field.GetValue(prototype);
                    Expression source;
                    if (value is null || field.FieldType.IsValueType || value is string)
                    {
                        if (field.IsInitOnly)
                        {
                            throw new NotSupportedException($"{typeof(T).Name}.{field.Name} is read-only and cannot be given its default.");
                        }

                        source = Expression.Constant(value, field.FieldType);
                    }
                    else if (field.FieldType.IsGenericType && field.FieldType.GetGenericTypeDefinition() == typeof(List<>))
                    {
                        if (field.IsInitOnly)
                        {
                            ReadOnlyLists.Add(field);
                            continue;
                        }

                        source = Expression.New(field.FieldType);
                    }
                    else
                    {
                        throw new NotSupportedException($"{typeof(T).Name}.{field.Name} holds a mutable {field.FieldType.Name} that demo records cannot share.");
                    }

                    assignments.Add(Expression.Assign(Expression.Field(target, field), source));
                }
            }

            assignments.Add(Expression.Empty());
            return Expression.Lambda<Action<T>>(Expression.Block(assignments), target).Compile();
        }
    }
}

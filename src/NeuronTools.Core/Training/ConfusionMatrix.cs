using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NeuronTools;

/// <summary>Counts of rows by true class (rows of the matrix) and predicted class (columns).</summary>
public sealed class ConfusionMatrix
{
    public ConfusionMatrix(IEnumerable<string> classLabel, long[,] count)
    {
        if (classLabel is null || count is null)
        {
            throw new ArgumentNullException(classLabel is null ? nameof(classLabel) : nameof(count));
        }

        ClassLabel = new ReadOnlyCollection<string>(classLabel.ToArray());
        int k = ClassLabel.Count;
        if (count.GetLength(0) != k || count.GetLength(1) != k)
        {
            throw new ArgumentException("The matrix must be square with one row and column per class.", nameof(count));
        }

        var rows = new IReadOnlyList<long>[k];
        for (int i = 0; i < k; i++)
        {
            var row = new long[k];
            for (int j = 0; j < k; j++)
            {
                row[j] = count[i, j];
            }

            rows[i] = new ReadOnlyCollection<long>(row);
        }

        Count = new ReadOnlyCollection<IReadOnlyList<long>>(rows);
    }

    /// <summary>The classes, in index order: "0" and "1" for one output (−1 and 1 for Hinge), else one per output.</summary>
    public IReadOnlyList<string> ClassLabel { get; }

    /// <summary>Count[actual][predicted].</summary>
    public IReadOnlyList<IReadOnlyList<long>> Count { get; }

    /// <summary>The rows of class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    public long this[int actual, int predicted] => Count[actual][predicted];

    /// <summary>A text grid: one line per true class, one column per predicted class.</summary>
    public override string ToString()
    {
        int width = Math.Max(6, ClassLabel.Max(l => l.Length));
        foreach (var row in Count)
        {
            foreach (long value in row)
            {
                width = Math.Max(width, value.ToString(CultureInfo.InvariantCulture).Length);
            }
        }

        var text = new StringBuilder();
        text.Append("actual \\ predicted".PadRight(20));
        foreach (string label in ClassLabel)
        {
            text.Append(' ').Append(label.PadLeft(width));
        }

        for (int i = 0; i < ClassLabel.Count; i++)
        {
            text.AppendLine().Append(ClassLabel[i].PadRight(20));
            foreach (long value in Count[i])
            {
                text.Append(' ').Append(value.ToString(CultureInfo.InvariantCulture).PadLeft(width));
            }
        }

        return text.ToString();
    }
}

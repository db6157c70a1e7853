using System;
using System.Collections.Generic;

namespace NeuronTools;

/// <summary>
/// A list that grows by whole chunks instead of doubling one array, so that reading a long array costs its
/// elements once, plus once more for <see cref="ToArray"/>, and never the three times a doubling List can.
/// </summary>
internal sealed class ChunkedList<T>
{
    private const int ChunkLength = 65536;

    private readonly List<T[]> _full = new();
    private T[] _current = new T[4];
    private int _used;

    internal int Count => (_full.Count * ChunkLength) + _used;

    internal void Add(T value)
    {
        if (_used == _current.Length)
        {
            if (_current.Length < ChunkLength)
            {
                Array.Resize(ref _current, _current.Length * 2);
            }
            else
            {
                _full.Add(_current);
                _current = new T[ChunkLength];
                _used = 0;
            }
        }

        _current[_used++] = value;
    }

    internal T[] ToArray()
    {
        var result = new T[Count];
        int offset = 0;
        foreach (var chunk in _full)
        {
            Array.Copy(chunk, 0, result, offset, ChunkLength);
            offset += ChunkLength;
        }

        Array.Copy(_current, 0, result, offset, _used);
        return result;
    }

    internal IEnumerable<T> Items()
    {
        foreach (var chunk in _full)
        {
            foreach (var value in chunk)
            {
                yield return value;
            }
        }

        for (int i = 0; i < _used; i++)
        {
            yield return _current[i];
        }
    }
}
